// VS Code renders `[label](command:…)` in a notification as a link that runs the command: pass only the extension's own
// sentences here; what SCP, a header or a setting says belongs in the tree row (plain text) and the log.
import * as vscode from 'vscode';
import { isScpError } from './core/scpError';

export type NoticeLevel = 'error' | 'warning' | 'information';

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
