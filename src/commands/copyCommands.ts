import * as vscode from 'vscode';
import { copiedMessage, copyText, ipChoices, type CopyField, type CopyResult } from '../core/copyText';
import type { ExplorerModel } from '../core/explorerModel';
import { registerCommand } from './commandRegistry';
import { selectedVpcIds, targetServers } from './serverTargets';
import { COMMANDS } from '../constants';
import { publicIpsFor } from '../connect/publicIps';

/** A copy is confirmed in the status bar for a moment: it is routine, and a notification would pile up. */
async function copy(text: string, message: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 3000);
}

const FIELDS: { id: string; field: CopyField; what: () => string; pickTitle: () => string }[] = [
  { id: COMMANDS.copyId, field: 'id', what: () => 'ID', pickTitle: () => vscode.l10n.t('Copy ID of server') },
  { id: COMMANDS.copyName, field: 'name', what: () => vscode.l10n.t('name'), pickTitle: () => vscode.l10n.t('Copy name of server') },
  { id: COMMANDS.copyJson, field: 'json', what: () => 'JSON', pickTitle: () => vscode.l10n.t('Copy JSON of server') },
];

export function registerCopyCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, model: ExplorerModel): void {
  for (const { id, field, what, pickTitle } of FIELDS) {
    registerCommand(context, log, id, async (node?: unknown, selection?: unknown) => {
      const servers = await targetServers(model, node, selection, pickTitle());
      if (servers.length > 0) {
        const result = copyText(servers, field);
        await copy(result.text, copiedMessage(what(), result, servers[0].name));
      }
    });
  }

  registerCommand(context, log, COMMANDS.copyIp, async (node?: unknown, selection?: unknown) => {
    const servers = await targetServers(model, node, selection, vscode.l10n.t('Copy IP address of server'));
    if (servers.length !== 1) {
      const result = copyText(servers, 'ip');
      if (result.copied > 0) {
        await copy(result.text, copiedMessage(vscode.l10n.t('IP addresses'), result));
      } else if (servers.length > 0) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('None of the selected servers has an IP address'), 3000);
      }
      return;
    }
    const server = servers[0];
    const choices = ipChoices(server, await publicIpsFor(model, log, server));
    if (choices.length === 0) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('{0} has no IP address', server.name), 3000);
      return;
    }
    // One address is copied at once; with several, the subnet names tell them apart.
    const picked =
      choices.length === 1
        ? choices[0]
        : await vscode.window.showQuickPick(choices, {
            title: vscode.l10n.t('Copy IP address of {0}', server.name),
            placeHolder: vscode.l10n.t('Which address?'),
            matchOnDescription: true,
          });
    if (picked) {
      const result: CopyResult = { text: picked.text, copied: 1, skipped: 0 };
      await copy(picked.text, copiedMessage(picked.text.includes('\n') ? vscode.l10n.t('IP addresses') : vscode.l10n.t('IP address'), result, server.name));
    }
  });

  registerCommand(context, log, COMMANDS.copyVpcId, async (node?: unknown, selection?: unknown) => {
    const ids = selectedVpcIds(node, selection);
    if (ids.length > 0) {
      await copy(ids.join('\n'), ids.length === 1 ? vscode.l10n.t('Copied VPC ID {0}', ids[0]) : vscode.l10n.t('Copied {0} VPC IDs', ids.length));
    }
  });
}
