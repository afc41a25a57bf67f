import type * as vscode from 'vscode';
import type { StartupTimeline } from './core/startupTimeline';
import type { Explorer } from './explorer';
import type { Views } from './views';

export interface ExplorerApi extends Explorer, Views {
  /** The extension's own context, so a test can run createExplorer on the same storage, as a restart would. */
  context: vscode.ExtensionContext;
  logUri: vscode.Uri;
  globalStoragePath: string;
  workspaceStoragePath: string | undefined;
  /** `performance.now()` when activate() started and returned (same clock as the extension host): `npm run bench`. */
  activation: { startedAt: number; endedAt: number; timeline: StartupTimeline };
}
