import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { StartupTimeline } from './core/startupTimeline';
import { createExplorer, reconnect } from './explorer';
import { translateCoreMessages } from './localization';
import { onDidChangeSettings } from './settings';
import type { ExplorerApi } from './testApi';
import { createViews } from './views';

export function activate(context: vscode.ExtensionContext): ExplorerApi | undefined {
  const startedAt = performance.now();
  const timeline = new StartupTimeline();
  translateCoreMessages();
  timeline.mark('activate: core messages translated');
  const log = vscode.window.createOutputChannel('SCP Server Explorer', { log: true });
  context.subscriptions.push(log);
  timeline.mark('activate: output channel');
  const explorer = createExplorer(context, log, timeline);
  timeline.mark('activate: explorer');
  const views = createViews(context, explorer);
  timeline.mark('activate: views');
  registerCommands(context, explorer, views);
  timeline.mark('activate: commands');
  context.subscriptions.push(
    onDidChangeSettings({
      connection: () => reconnect(explorer.model, log, 'connection settings changed'),
      pageSize: (pageSize) => {
        explorer.settingsProblems.report();
        void explorer.model.setPageSize(pageSize);
      },
      groupBy: (groupBy) => views.tree.setGroupBy(groupBy),
    }),
  );
  // Other extensions could read the access key through the model; only the integration tests get the exports.
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return {
    ...explorer,
    ...views,
    context,
    logUri: context.logUri,
    globalStoragePath: context.globalStorageUri.fsPath,
    workspaceStoragePath: context.storageUri?.fsPath,
    activation: { startedAt, endedAt: performance.now(), timeline },
  };
}

export function deactivate(): void {
  // Nothing to release: every disposable is owned by the extension context.
}
