import * as vscode from 'vscode';
import { isScpError } from '../core/scpError';


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
        const message = error instanceof Error ? error.message : String(error);
        void showErrorWithLogs(message, log);
        return undefined;
      }
    }),
  );
}

/** One notification per user action, with a way to the details. */
export async function showErrorWithLogs(message: string, log: vscode.LogOutputChannel, ...actions: string[]): Promise<string | undefined> {
  // Logged too, so the log holds everything the user was told (and a test can check none of it is secret).
  log.error(`Shown: ${message}`);
  const showLogs = vscode.l10n.t('Show Logs');
  const choice = await vscode.window.showErrorMessage(message, ...actions, showLogs);
  if (choice === showLogs) {
    log.show(true);
  }
  return choice;
}
