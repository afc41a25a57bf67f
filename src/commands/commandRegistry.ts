import * as vscode from 'vscode';
import { isScpError } from '../core/scpError';
import { noticeOf, notify } from '../notifications';

/**
 * Registers a command whose failures all end the same way: logged, one error message with Show Logs, and
 * nothing thrown at VS Code. Cancellation by the user is not a failure.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  id: string,
  handler: (...args: never[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (isScpError(error) && error.kind === 'cancelled') {
          return undefined;
        }
        // The whole error for the log; the notification gets the extension's own sentence only.
        log.error(`${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        void showErrorWithLogs(noticeOf(error), log);
        return undefined;
      }
    }),
  );
}

/**
 * One notification per user action, with a way to the details. `message` is the extension's own sentence (for a
 * failure, `noticeOf(error)`); it is logged as `Shown: …` too, so the log holds everything the user was told.
 */
export async function showErrorWithLogs(message: string, log: vscode.LogOutputChannel, ...actions: string[]): Promise<string | undefined> {
  const showLogs = vscode.l10n.t('Show Logs');
  const choice = await notify(log, 'error', message, ...actions, showLogs);
  if (choice === showLogs) {
    log.show(true);
  }
  return choice;
}
