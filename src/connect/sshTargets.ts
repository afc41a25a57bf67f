import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { notify } from '../notifications';
import { isScpError } from '../core/scpError';
import type { Server } from '../core/serverModel';
import type { ServerExtrasCache } from '../core/serverExtrasCache';
import {
  checkTarget,
  chooseAddress,
  identityFileFor,
  isValidUser,
  isWindowsServer,
  resolveUser,
  type ChosenAddress,
  type PreferredAddress,
  usualUsers,
  type SshTarget,
} from '../core/sshCommand';
import { pickFrom } from '../commands/quickPickAnswer';
import type { ExplorerModel } from '../core/explorerModel';
import { readSshSettings } from '../settings';
import { homeDir } from './connectSettings';

const REMEMBERED_USERS_KEY = 'scpExplorer.ssh.rememberedUsers';

/** A failure of a connect command: the message is the extension's own sentence, shown as it is. */
export class ConnectError extends Error {}

export interface ResolvedTarget extends SshTarget {
  addressKind: ChosenAddress['kind'];
}

/** The public IP and the image are read only when needed, through the connection's cache. */
export class SshTargets {
  constructor(
    private readonly model: ExplorerModel,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  extras(): ServerExtrasCache {
    const connection = this.model.connection;
    if (!connection) {
      throw new ConnectError(vscode.l10n.t('Not connected to SCP: open the SCP view and sign in first.'));
    }
    return connection.extras;
  }

  async publicIps(server: Server): Promise<{ ips: string[]; problem?: string }> {
    try {
      return { ips: await this.extras().publicIps(server.id) };
    } catch (error) {
      if (error instanceof ConnectError) {
        throw error;
      }
      this.log.warn(`Public IP of ${server.id}: ${error instanceof Error ? error.message : String(error)}`);
      const problem =
        isScpError(error) && error.kind === 'forbidden'
          ? vscode.l10n.t('The access key may not read network interfaces (403), so the public IP is unknown.')
          : vscode.l10n.t('The public IP could not be read (see the log).');
      return { ips: [], problem };
    }
  }

  async osDistro(server: Server): Promise<string | undefined> {
    if (!server.image_id) {
      return undefined;
    }
    try {
      return (await this.extras().image(server.image_id)).os_distro ?? undefined;
    } catch (error) {
      if (error instanceof ConnectError) {
        throw error;
      }
      this.log.warn(`Image ${server.image_id} of ${server.id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The address by the preference; `problem` says why a preferred public address could not be had. */
  async address(server: Server, preferred: PreferredAddress): Promise<{ chosen: ChosenAddress; problem?: string }> {
    const needsPublic = preferred === 'public' || !chooseAddress(server, [], 'private');
    const { ips, problem } = needsPublic ? await this.publicIps(server) : { ips: [] };
    const chosen = chooseAddress(server, ips, preferred);
    if (!chosen) {
      throw new ConnectError(problem ?? vscode.l10n.t('The server has no IP address to connect to.'));
    }
    return { chosen, problem: preferred === 'public' ? problem : undefined };
  }

  /** Undefined when the user cancelled the question for the login user. */
  async resolve(server: Server): Promise<ResolvedTarget | undefined> {
    if (isWindowsServer(server)) {
      throw new ConnectError(vscode.l10n.t('This is a Windows server: use Copy RDP Address to connect to it.'));
    }
    const settings = readSshSettings();
    const { chosen, problem } = await this.address(server, settings.preferredAddress);
    if (problem) {
      void notify(this.log, 'warning', vscode.l10n.t('{0} Connecting to the private address instead.', problem));
    }
    const osDistro = await this.osDistro(server);
    if (isWindowsServer(server, osDistro)) {
      throw new ConnectError(vscode.l10n.t('This is a Windows server: use Copy RDP Address to connect to it.'));
    }
    const user = await this.userFor(server, osDistro, settings.user);
    if (user === undefined) {
      return undefined;
    }
    const key = identityFileFor(server.keypair_name, settings.identityFiles, homeDir(), (file) => fs.existsSync(file));
    if (key) {
      try {
        fs.accessSync(key.file, fs.constants.R_OK);
      } catch {
        this.log.warn(`Key file ${key.file} of keypair ${server.keypair_name ?? ''} is not readable.`);
        throw new ConnectError(
          key.fromSetting
            ? vscode.l10n.t('The key file set for this keypair in scpExplorer.ssh.identityFiles cannot be read: check the path and its permissions.')
            : vscode.l10n.t('The key file for this keypair in ~/.ssh cannot be read: check its permissions.'),
        );
      }
    }
    const target: ResolvedTarget = { user, address: chosen.address, identityFile: key?.file, extraArgs: settings.extraArgs, addressKind: chosen.kind };
    const invalid = checkTarget(target);
    if (invalid) {
      throw new ConnectError(invalid);
    }
    return target;
  }

  private async userFor(server: Server, osDistro: string | undefined, userMap: Record<string, string>): Promise<string | undefined> {
    const remembered = this.memento.get<Record<string, string>>(REMEMBERED_USERS_KEY, {});
    const resolved = resolveUser(server, osDistro, userMap, remembered[server.id]);
    if (resolved.source !== 'unknown') {
      return resolved.user;
    }
    const user = await askUser(server);
    if (!user) {
      return undefined;
    }
    await this.memento.update(REMEMBERED_USERS_KEY, { ...remembered, [server.id]: user });
    return user;
  }
}

async function askUser(server: Server): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick();
  quickPick.title = vscode.l10n.t('SSH user for {0}', server.name || server.id);
  quickPick.placeholder = vscode.l10n.t("The server's OS is not known. Pick or type who logs in; the answer is remembered for this server.");
  quickPick.ignoreFocusOut = true;
  const usual: vscode.QuickPickItem[] = usualUsers().map((user) => ({ label: user }));
  quickPick.items = usual;
  quickPick.onDidChangeValue((value) => {
    const typed = value.trim();
    const offerTyped = isValidUser(typed) && !usual.some((item) => item.label === typed);
    quickPick.items = offerTyped ? [{ label: typed, description: vscode.l10n.t('typed'), alwaysShow: true }, ...usual] : usual;
  });
  try {
    return (await pickFrom(quickPick))?.label;
  } finally {
    quickPick.dispose();
  }
}
