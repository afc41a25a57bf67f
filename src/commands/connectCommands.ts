import * as vscode from 'vscode';
import { notify } from '../notifications';
import { ConnectError, SshTargets, type ResolvedTarget } from '../connect/sshTargets';
import { readSshSettings } from '../settings';
import { SshConfigWriter } from '../connect/sshConfigWriter';
import { REMOTE_SSH_EXTENSION_ID, remoteSshAuthority } from '../core/remoteSsh';
import { sshArgs, sshCommandText } from '../core/sshCommand';
import type { Server } from '../core/serverModel';
import { BUILT_IN_COMMANDS, COMMANDS, CONTEXT_KEYS } from '../constants';
import type { ExplorerModel } from '../core/explorerModel';
import { registerCommand } from './commandRegistry';
import { targetServers } from './serverTargets';

async function oneServer(model: ExplorerModel, node: unknown, title: string): Promise<Server | undefined> {
  const [server] = await targetServers(model, node, undefined, title);
  return server;
}

function terminalName(server: Server): string {
  return [...(server.name || server.id)].filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f).join('') || server.id;
}

async function copy(text: string, message: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 3000);
}

export function registerConnectCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, model: ExplorerModel): void {
  const targets = new SshTargets(model, context.globalState, log);
  const configWriter = new SshConfigWriter(log);
  context.subscriptions.push(configWriter);

  // Remote-SSH may be installed or removed while VS Code runs.
  const updateRemoteSsh = (): Thenable<unknown> =>
    vscode.commands.executeCommand(BUILT_IN_COMMANDS.setContext, CONTEXT_KEYS.remoteSshInstalled, vscode.extensions.getExtension(REMOTE_SSH_EXTENSION_ID) !== undefined);
  void updateRemoteSsh();
  context.subscriptions.push(vscode.extensions.onDidChange(() => void updateRemoteSsh()));

  /** A connect command: one server, its SSH target, then the action; its own failures are shown as they are. */
  const connectCommand = (id: string, title: () => string, action: (server: Server, target: ResolvedTarget) => Promise<unknown>): void =>
    registerCommand(context, log, id, async (node?: unknown) => {
      const server = await oneServer(model, node, title());
      const target = server ? await targets.resolve(server) : undefined;
      if (server && target) {
        log.info(`${id}: ${server.id} as ${target.user} at ${target.addressKind} ${target.address}.`);
        return action(server, target);
      }
      return undefined;
    });

  connectCommand(COMMANDS.openSshTerminal, () => vscode.l10n.t('Open SSH terminal to server'), async (server, target) => {
    // The arguments go to ssh as a list: no shell sees the server's name or address.
    const terminal = vscode.window.createTerminal({ name: terminalName(server), shellPath: 'ssh', shellArgs: sshArgs(target) });
    terminal.show();
    return terminal;
  });

  connectCommand(COMMANDS.copySshCommand, () => vscode.l10n.t('Copy SSH command of server'), async (_server, target) => {
    const text = sshCommandText(target);
    await copy(text, vscode.l10n.t('Copied the SSH command'));
    return text;
  });

  connectCommand(COMMANDS.connectRemoteSsh, () => vscode.l10n.t('Connect with Remote-SSH to server'), async (server, target) => {
    if (!vscode.extensions.getExtension(REMOTE_SSH_EXTENSION_ID)) {
      throw new ConnectError(vscode.l10n.t('Remote-SSH is not installed: install the extension ms-vscode-remote.remote-ssh first.'));
    }
    let alias = configWriter.existingAlias(server);
    // Remote-SSH takes a key file or jump host only from the SSH config.
    if (!alias && (target.identityFile || target.extraArgs.length > 0)) {
      const add = vscode.l10n.t('Add to SSH Config…');
      const choice = await notify(
        log,
        'information',
        vscode.l10n.t('Remote-SSH takes a key file and extra ssh options only from the SSH config. Add an entry for this server first?'),
        add,
      );
      if (choice !== add) {
        return undefined;
      }
      alias = (await configWriter.addOrUpdate(server, target))?.alias;
      if (!alias) {
        return undefined;
      }
    }
    const remoteAuthority = remoteSshAuthority(target, alias);
    await vscode.commands.executeCommand('vscode.newWindow', { remoteAuthority, reuseWindow: false });
    return remoteAuthority;
  });

  connectCommand(COMMANDS.addToSshConfig, () => vscode.l10n.t('Add server to SSH config'), (server, target) =>
    configWriter.addOrUpdate(server, target),
  );

  registerCommand(context, log, COMMANDS.copyRdpAddress, async (node?: unknown) => {
    const server = await oneServer(model, node, vscode.l10n.t('Copy RDP address of server'));
    if (!server) {
      return undefined;
    }
    const { chosen, problem } = await targets.address(server, readSshSettings().preferredAddress);
    if (problem) {
      void notify(log, 'warning', vscode.l10n.t('{0} Copied the private address instead.', problem));
    }
    await copy(chosen.address, vscode.l10n.t('Copied the RDP address {0}', chosen.address));
    return chosen.address;
  });
}
