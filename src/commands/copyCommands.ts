import * as vscode from 'vscode';
import { copiedMessage, copyText, ipChoices, type CopyField, type CopyResult } from '../core/copyText';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';
import { registerCommand } from './commandRegistry';
import { selectedVpcIds, targetServers } from './serverTargets';

/** A copy is confirmed in the status bar for a moment: it is routine, and a notification would pile up. */
async function copy(text: string, message: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 3000);
}

const FIELDS: { id: string; field: CopyField; what: string }[] = [
  { id: 'scpExplorer.copyId', field: 'id', what: 'ID' },
  { id: 'scpExplorer.copyName', field: 'name', what: 'name' },
  { id: 'scpExplorer.copyJson', field: 'json', what: 'JSON' },
];

export function registerCopyCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, tree: ServerTreeProvider): void {
  for (const { id, field, what } of FIELDS) {
    registerCommand(context, log, id, async (node?: unknown, selection?: unknown) => {
      const servers = await targetServers(tree, node, selection, `Copy ${what} of server`);
      if (servers.length > 0) {
        const result = copyText(servers, field);
        await copy(result.text, copiedMessage(what, result, servers[0].name));
      }
    });
  }

  registerCommand(context, log, 'scpExplorer.copyIp', async (node?: unknown, selection?: unknown) => {
    const servers = await targetServers(tree, node, selection, 'Copy IP address of server');
    if (servers.length !== 1) {
      const result = copyText(servers, 'ip');
      if (result.copied > 0) {
        await copy(result.text, copiedMessage('IP addresses', result));
      } else if (servers.length > 0) {
        vscode.window.setStatusBarMessage('None of the selected servers has an IP address', 3000);
      }
      return;
    }
    const server = servers[0];
    const choices = ipChoices(server);
    if (choices.length === 0) {
      vscode.window.setStatusBarMessage(`${server.name} has no IP address`, 3000);
      return;
    }
    // One address is copied at once; with several, the subnet names tell them apart.
    const picked =
      choices.length === 1
        ? choices[0]
        : await vscode.window.showQuickPick(choices, { title: `Copy IP address of ${server.name}`, placeHolder: 'Which address?', matchOnDescription: true });
    if (picked) {
      const result: CopyResult = { text: picked.text, copied: 1, skipped: 0 };
      await copy(picked.text, copiedMessage(picked.text.includes('\n') ? 'IP addresses' : 'IP address', result, server.name));
    }
  });

  registerCommand(context, log, 'scpExplorer.copyVpcId', async (node?: unknown, selection?: unknown) => {
    const ids = selectedVpcIds(node, selection);
    if (ids.length > 0) {
      await copy(ids.join('\n'), ids.length === 1 ? `Copied VPC ID ${ids[0]}` : `Copied ${ids.length} VPC IDs`);
    }
  });
}
