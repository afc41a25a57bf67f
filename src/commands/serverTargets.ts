import * as vscode from 'vscode';
import { primaryIp } from '../core/serverFacts';
import type { Server } from '../core/serverModel';
import { GroupNode } from '../tree/groupNode';
import { ServerNode } from '../tree/serverNode';
import type { ExplorerModel } from '../core/explorerModel';

/** A row's inline button gets the selection too, but it is meant only when the row is part of it. */
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

export const noServersLoaded = (): string => vscode.l10n.t('No servers are loaded yet: open the SCP view, then try again.');

/** A quick pick of these servers by name, IP or id. */
export async function pickServer(servers: readonly Server[], title: string): Promise<Server | undefined> {
  const picked = await vscode.window.showQuickPick(
    servers.map((server) => ({
      label: server.name || server.id,
      description: primaryIp(server) ?? '',
      detail: `${server.state} · ${server.id}`,
      server,
    })),
    { title, placeHolder: vscode.l10n.t('Type part of a name, IP or id'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.server;
}

async function pickLoadedServer(model: ExplorerModel, title: string): Promise<Server | undefined> {
  if (model.servers.length === 0) {
    void vscode.window.showWarningMessage(noServersLoaded());
    return undefined;
  }
  return pickServer(model.servers, title);
}

/** From the palette there is no node: one of the loaded servers is picked. */
export async function targetServers(model: ExplorerModel, node: unknown, selection: unknown, title: string): Promise<Server[]> {
  const servers = selectedServers(node, selection);
  if (servers.length > 0 || node !== undefined) {
    return servers;
  }
  const picked = await pickLoadedServer(model, title);
  return picked ? [picked] : [];
}
