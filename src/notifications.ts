import * as vscode from 'vscode';
import { isScpError } from './core/scpError';

/**
 * Every notification the extension shows goes through here. VS Code renders `[label](command:…)` in a notification
 * as a link that runs the command, so a notification carries the extension's own sentence: what SCP answered, a
 * header or a setting says stays in the tree row (plain text) and the log.
 */

export type NoticeLevel = 'error' | 'warning' | 'information';

/** The sentence a notification may show for a failure: ScpError.notice, never the text SCP sent. */
export function noticeOf(error: unknown): string {
  if (isScpError(error)) {
    return error.notice;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Should any outside text still get here, it cannot form a link: `[label](target)` needs `](` side by side. */
export function withoutLinks(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u2009(');
}

/** Shows a notification and logs it as `Shown: …`, so the log holds everything the user was told. */
export function notify(log: vscode.LogOutputChannel, level: NoticeLevel, message: string, ...actions: string[]): Thenable<string | undefined> {
  const text = withoutLinks(message);
  switch (level) {
    case 'error':
      log.error(`Shown: ${text}`);
      return vscode.window.showErrorMessage(text, ...actions);
    case 'warning':
      log.warn(`Shown: ${text}`);
      return vscode.window.showWarningMessage(text, ...actions);
    case 'information':
      log.info(`Shown: ${text}`);
      return vscode.window.showInformationMessage(text, ...actions);
  }
}
