import * as vscode from 'vscode';
import { ScpError } from '../core/scpError';
import type { ServerDetailsProvider, ServerFetcher } from '../details/serverDetailsProvider';
import type { ExplorerSession } from '../session/explorerSession';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';
import { registerCommand } from './commandRegistry';
import { targetServers } from './serverTargets';

/** `GET /v1/servers/{id}` on the current connection, whether or not the tree has loaded anything. */
export function fetchServerWith(session: ExplorerSession): ServerFetcher {
  return async (id) => {
    const state = await session.current();
    if (state.kind === 'misconfigured') {
      throw state.error;
    }
    if (state.kind === 'signedOut') {
      throw new ScpError('auth', vscode.l10n.t('No SCP access key is set: use Set Access Key in the SCP view first.'));
    }
    return state.connection.client.getServer(id);
  };
}

export function registerDetailsCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  tree: ServerTreeProvider,
  details: ServerDetailsProvider,
): void {
  // One document per server: with several selected, the clicked one is shown.
  registerCommand(context, log, 'scpExplorer.showDetails', async (node?: unknown) => {
    const [server] = await targetServers(tree, node, undefined, vscode.l10n.t('Show details of server'));
    return server ? details.show(server.id) : undefined;
  });
}
