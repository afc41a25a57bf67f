import * as vscode from 'vscode';
import { primaryIp } from '../core/serverFacts';
import type { Server } from '../core/serverModel';
import { GroupNode } from '../tree/groupNode';
import { ServerNode } from '../tree/serverNode';
import type { ExplorerModel } from '../core/explorerModel';

/**
 * Which servers or VPCs a command run from the tree is about. VS Code calls a context-menu command with the
 * clicked node and, in a multi-selection, every selected node; a row's inline button passes the selection only
 * when its row is part of it. Nodes of other kinds in a mixed selection are left out.
 */
function clickedOrSelected(node: unknown, selection: unknown): unknown[] {
  return Array.isArray(selection) && selection.length > 0 && (node === undefined || selection.includes(node)) ? selection : [node];
}

export function selectedServers(node: unknown, selection: unknown): Server[] {
  return clickedOrSelected(node, selection)
    .filter((entry): entry is ServerNode => entry instanceof ServerNode)
    .map((entry) => entry.server);
}

export function selectedVpcIds(node: unknown, selection: unknown): string[] {
  return clickedOrSelected(node, selection)
    .map((entry) => (entry instanceof GroupNode ? entry.vpcId : undefined))
    .filter((id): id is string => id !== undefined);
}

/** From the palette there is no node: ask which of the loaded servers is meant. */
async function pickLoadedServer(model: ExplorerModel, title: string): Promise<Server | undefined> {
  if (model.servers.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No servers are loaded yet: open the SCP view, then try again.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    model.servers.map((server) => ({
      label: server.name || server.id,
      description: primaryIp(server) ?? '',
      detail: `${server.state} · ${server.id}`,
      server,
    })),
    { title, placeHolder: vscode.l10n.t('Type part of a name, IP or id'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.server;
}

/** The servers a command is about: the tree's selection, or one picked from the loaded servers. */
export async function targetServers(model: ExplorerModel, node: unknown, selection: unknown, title: string): Promise<Server[]> {
  const servers = selectedServers(node, selection);
  if (servers.length > 0 || node !== undefined) {
    return servers;
  }
  const picked = await pickLoadedServer(model, title);
  return picked ? [picked] : [];
}
