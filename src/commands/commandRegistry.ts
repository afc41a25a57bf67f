import * as vscode from 'vscode';
import { isScpError } from '../core/scpError';
import { noticeOf, notify } from '../notifications';

/** Every failure ends the same way: logged, one error message with Show Logs, nothing thrown at VS Code. */
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

/** `message` must be the extension's own sentence (for a failure, `noticeOf(error)`), never text from SCP. */
export async function showErrorWithLogs(message: string, log: vscode.LogOutputChannel, ...actions: string[]): Promise<string | undefined> {
  const showLogs = vscode.l10n.t('Show Logs');
  const choice = await notify(log, 'error', message, ...actions, showLogs);
  if (choice === showLogs) {
    log.show(true);
  }
  return choice;
}
