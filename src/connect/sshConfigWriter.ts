import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findHostBlock, hostAlias, hostEntryFor, upsertHostEntry, type ConfigChange } from '../core/sshConfig';
import type { Server } from '../core/serverModel';
import type { SshTarget } from '../core/sshCommand';
import { sshConfigPath } from './connectSettings';
import { ConnectError } from './sshTargets';

const PREVIEW_SCHEME = 'scp-ssh-config';

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new ConnectError(vscode.l10n.t('The SSH config file cannot be read: check its permissions.'));
  }
}

/** A diff makes plain that nothing else changes; the file is written only if it is still what was shown. */
export class SshConfigWriter implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  existingAlias(server: Server): string | undefined {
    const alias = hostAlias(server.name, server.id);
    const text = readIfExists(sshConfigPath()) ?? '';
    return findHostBlock(text, alias) ? alias : undefined;
  }

  /** Undefined when the user cancelled. */
  async addOrUpdate(server: Server, target: SshTarget): Promise<{ change: ConfigChange; alias: string; file: string } | undefined> {
    const file = sshConfigPath();
    const alias = hostAlias(server.name, server.id);
    const before = readIfExists(file);
    const { text: after, change } = upsertHostEntry(before ?? '', hostEntryFor(alias, target));
    if (change === 'unchanged') {
      vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('The SSH config already has this entry ({0}).', alias)}`, 4000);
      return { change, alias, file };
    }
    const proposed = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${path.basename(file)}`, query: `alias=${encodeURIComponent(alias)}` });
    const empty = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${path.basename(file)}`, query: 'empty' });
    this.texts.set(proposed.toString(), after);
    this.texts.set(empty.toString(), '');
    // The question shows at once and stays while the diff opens beside it.
    const diff = Promise.resolve(
      vscode.commands.executeCommand(
        'vscode.diff',
        before === undefined ? empty : vscode.Uri.file(file),
        proposed,
        vscode.l10n.t('{0} with Host {1}', file, alias),
        { preview: true },
      ),
    ).catch((error: unknown) => this.log.warn(`SSH config preview: ${(error as Error).message}`));
    try {
      const write = change === 'added' ? vscode.l10n.t('Add Host {0} to {1}', alias, file) : vscode.l10n.t('Update Host {0} in {1}', alias, file);
      const picked = await vscode.window.showQuickPick([{ label: write, write: true }, { label: vscode.l10n.t('Cancel'), write: false }], {
        title: vscode.l10n.t('Add to SSH Config'),
        placeHolder: vscode.l10n.t('The editor shows the change; nothing else in the file changes.'),
        ignoreFocusOut: true,
      });
      if (!picked?.write) {
        return undefined;
      }
      if (readIfExists(file) !== before) {
        throw new ConnectError(vscode.l10n.t('The SSH config file changed while the preview was open: run Add to SSH Config again.'));
      }
      this.write(file, after);
      this.log.info(`SSH config: ${change} Host ${alias} in ${file}.`);
      vscode.window.setStatusBarMessage(`$(check) ${write}`, 4000);
      return { change, alias, file };
    } finally {
      await diff;
      await closeTabsOf(proposed);
      this.texts.delete(proposed.toString());
    }
  }

  private write(file: string, text: string): void {
    try {
      // ssh refuses a config that others may write; a new one is made private like ssh-keygen's files.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, text, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      this.log.error(`SSH config ${file}: ${(error as Error).message}`);
      throw new ConnectError(vscode.l10n.t('The SSH config file cannot be written: check its permissions.'));
    }
  }

  dispose(): void {
    this.registration.dispose();
  }
}

async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const key = uri.toString();
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === key);
  if (tabs.length > 0) {
    await vscode.window.tabGroups.close(tabs);
  }
}
