import * as vscode from 'vscode';
import { notify } from '../notifications';
import { readConsoleLines } from '../settings';
import { COMMANDS } from '../constants';
import { CONSOLE_LOG_SCHEME } from '../core/consoleLog';
import type { ExplorerModel } from '../core/explorerModel';
import { ConsoleLogProvider, type ConsoleReader } from '../details/consoleLogProvider';
import { registerCommand } from './commandRegistry';
import { targetServers } from './serverTargets';

/** The server (fresh, for its state) and its console, on the current connection: two requests per read. */
function consoleReaderWith(model: ExplorerModel): ConsoleReader {
  return async (id) => {
    const { client } = await model.requireConnection();
    const server = await client.getServer(id);
    return { server, output: await client.getConsoleLog(id, readConsoleLines()) };
  };
}

export function registerConsoleLogCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, model: ExplorerModel): ConsoleLogProvider {
  const provider = new ConsoleLogProvider(consoleReaderWith(model), log);
  context.subscriptions.push(provider);

  registerCommand(context, log, COMMANDS.showConsoleLog, async (node?: unknown) => {
    const [server] = await targetServers(model, node, undefined, vscode.l10n.t('Show console log of server'));
    return server ? provider.show(server.id) : undefined;
  });

  // From the editor title the command gets the document's URI; from the palette, the active editor's.
  registerCommand(context, log, COMMANDS.refreshConsoleLog, async (uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target?.scheme !== CONSOLE_LOG_SCHEME) {
      void notify(log, 'information', vscode.l10n.t('Open a console log first: use Show Console Log on a server.'));
      return undefined;
    }
    return provider.refresh(target);
  });
  return provider;
}
