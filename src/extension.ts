import * as vscode from 'vscode';
import { registerAccessKeyCommands } from './commands/accessKeyCommands';
import { registerTreeCommands } from './commands/treeCommands';
import { ConnectionStatusBar } from './connectionStatusBar';
import { CredentialStore } from './credentials/credentialStore';
import { ExplorerSession } from './session/explorerSession';
import { affectsAny, readSettings } from './settings';
import { ServerTreeProvider, VIEW_ID } from './tree/serverTreeProvider';
import { describeConnection } from './tree/viewDescription';

/** What the extension hands to its integration tests (and to any extension that wants to build on it). */
export interface ExplorerApi {
  tree: ServerTreeProvider;
  view: vscode.TreeView<unknown>;
  credentials: CredentialStore;
  session: ExplorerSession;
  log: vscode.LogOutputChannel;
}

export function activate(context: vscode.ExtensionContext): ExplorerApi {
  const log = vscode.window.createOutputChannel('SCP Server Explorer', { log: true });
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const credentials = new CredentialStore(context.secrets);
  const session = new ExplorerSession(credentials, log, `scp-server-explorer/${version} (VS Code ${vscode.version})`);
  const tree = new ServerTreeProvider(session);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const statusBar = new ConnectionStatusBar();
  context.subscriptions.push(log, credentials, session, tree, view, statusBar);

  // The view's welcome content and title buttons follow the state of the tree.
  context.subscriptions.push(
    tree.onDidChangeViewState((state) => {
      void vscode.commands.executeCommand('setContext', 'scpExplorer.viewState', state);
      view.description = describeConnection(tree.connection);
      statusBar.show(tree.connection);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsAny(event, ['groupBy'])) {
        tree.setGroupBy(readSettings().groupBy);
      }
      if (affectsAny(event, ['pageSize'])) {
        void tree.refresh();
      }
    }),
  );

  registerTreeCommands(context, tree, log);
  registerAccessKeyCommands(context, credentials, log);
  return { tree, view, credentials, session, log };
}

export function deactivate(): void {
  // Nothing to release: every disposable is owned by the extension context.
}
