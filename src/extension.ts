import * as vscode from 'vscode';
import { registerAccessKeyCommands } from './commands/accessKeyCommands';
import { registerCopyCommands } from './commands/copyCommands';
import { fetchServerWith, registerDetailsCommands } from './commands/detailsCommands';
import { registerFilterCommands } from './commands/filterCommands';
import { registerTreeCommands } from './commands/treeCommands';
import { ConnectionStatusBar } from './connectionStatusBar';
import { CredentialStore } from './credentials/credentialStore';
import { ServerDetailsProvider } from './details/serverDetailsProvider';
import { FilterStore } from './filters/filterStore';
import { translateCoreMessages } from './localization';
import { ExplorerSession } from './session/explorerSession';
import { affectsAny, readSettings } from './settings';
import { ServerTreeProvider, VIEW_ID } from './tree/serverTreeProvider';
import { ViewHeader } from './tree/viewHeader';

/** What the extension hands to its integration tests (and to any extension that wants to build on it). */
export interface ExplorerApi {
  tree: ServerTreeProvider;
  view: vscode.TreeView<unknown>;
  credentials: CredentialStore;
  session: ExplorerSession;
  log: vscode.LogOutputChannel;
  filters: FilterStore;
  details: ServerDetailsProvider;
  /** Where the extension may write: its log folder (the output channel's file) and its storage folders. */
  logUri: vscode.Uri;
  globalStoragePath: string;
  workspaceStoragePath: string | undefined;
  /** `performance.now()` when activate() started and returned (same clock as the extension host): `npm run bench`. */
  activation: { startedAt: number; endedAt: number };
}

export function activate(context: vscode.ExtensionContext): ExplorerApi {
  const startedAt = performance.now();
  translateCoreMessages();
  const log = vscode.window.createOutputChannel('SCP Server Explorer', { log: true });
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const credentials = new CredentialStore(context.secrets);
  const session = new ExplorerSession(credentials, log, `scp-server-explorer/${version} (VS Code ${vscode.version})`);
  // The filters of this workspace, as last chosen: the first request already uses them.
  const filters = new FilterStore(context.workspaceState);
  const tree = new ServerTreeProvider(session, filters.current);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const header = new ViewHeader(view, tree, filters);
  const details = new ServerDetailsProvider(fetchServerWith(session), log);
  const statusBar = new ConnectionStatusBar();
  context.subscriptions.push(log, credentials, session, filters, tree, view, details, statusBar);

  // The view's welcome content, title buttons and header follow the state of the tree and the filters.
  header.update();
  context.subscriptions.push(
    tree.onDidChangeViewState((state) => {
      void vscode.commands.executeCommand('setContext', 'scpExplorer.viewState', state);
      header.update();
      statusBar.show(tree.connection);
    }),
    // VPC names arrive beside the first page; the description shows them once they are there.
    tree.onDidChangeTreeData(() => header.update()),
    filters.onDidChange(() => header.update()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsAny(event, ['groupBy'])) {
        tree.setGroupBy(readSettings().groupBy);
      }
      if (affectsAny(event, ['pageSize'])) {
        session.reportSettingsProblems();
        void tree.refresh();
      }
    }),
  );

  registerTreeCommands(context, tree, log);
  registerFilterCommands(context, log, tree, filters);
  registerCopyCommands(context, log, tree);
  registerDetailsCommands(context, log, tree, details);
  registerAccessKeyCommands(context, credentials, log);
  return {
    tree,
    view,
    credentials,
    session,
    log,
    filters,
    details,
    logUri: context.logUri,
    globalStoragePath: context.globalStorageUri.fsPath,
    workspaceStoragePath: context.storageUri?.fsPath,
    activation: { startedAt, endedAt: performance.now() },
  };
}

export function deactivate(): void {
  // Nothing to release: every disposable is owned by the extension context.
}
