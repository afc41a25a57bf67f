import * as vscode from 'vscode';
import type { ServerDetailsProvider } from '../details/serverDetailsProvider';
import type { ExplorerModel } from '../core/explorerModel';
import { registerCommand } from './commandRegistry';
import { targetServers } from './serverTargets';
import { COMMANDS } from '../constants';

export function registerDetailsCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  model: ExplorerModel,
  details: ServerDetailsProvider,
): void {
  // One document per server: with several selected, the clicked one is shown.
  registerCommand(context, log, COMMANDS.showDetails, async (node?: unknown) => {
    const [server] = await targetServers(model, node, undefined, vscode.l10n.t('Show details of server'));
    return server ? details.show(server.id) : undefined;
  });
}
