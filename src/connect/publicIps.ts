import * as vscode from 'vscode';
import { isScpError } from '../core/scpError';
import type { Server } from '../core/serverModel';
import type { ExplorerModel } from '../core/explorerModel';

const DETAILS_PUBLIC_IPS_KEY = 'public_ips (GET /v1/servers/{id}/interfaces)';

export async function publicIpsFor(model: ExplorerModel, log: vscode.LogOutputChannel, server: Server): Promise<string[]> {
  const lookup = await lookUp(model, log, server);
  if (lookup.failure === 'forbidden') {
    vscode.window.setStatusBarMessage(vscode.l10n.t('The public IP is unknown: the access key may not read network interfaces.'), 4000);
  }
  return lookup.ips;
}

async function lookUp(model: ExplorerModel, log: vscode.LogOutputChannel, server: Server): Promise<{ ips: string[]; failure?: 'forbidden' | 'other' }> {
  const connection = model.connection;
  if (!connection) {
    return { ips: [] };
  }
  try {
    return { ips: await connection.extras.publicIps(server.id) };
  } catch (error) {
    log.warn(`Public IP of ${server.id}: ${error instanceof Error ? error.message : String(error)}`);
    return { ips: [], failure: isScpError(error) && error.kind === 'forbidden' ? 'forbidden' : 'other' };
  }
}

export function tooltipPublicIp(model: ExplorerModel, log: vscode.LogOutputChannel): (server: Server) => Promise<string | undefined> {
  return async (server) => {
    const { ips, failure } = await lookUp(model, log, server);
    if (failure) {
      return failure === 'forbidden' ? vscode.l10n.t('unknown (no permission to read interfaces)') : vscode.l10n.t('unknown (see the log)');
    }
    return ips.length > 0 ? ips.join(', ') : vscode.l10n.t('none');
  };
}

/** The key says where the IPs come from (the server object has none), so nobody takes it for a field of SCP's. */
export function detailsPublicIps(model: ExplorerModel, log: vscode.LogOutputChannel): (server: Server) => Promise<Record<string, unknown>> {
  return async (server) => {
    const connection = model.connection;
    if (!connection) {
      return {};
    }
    try {
      const ips = await connection.extras.publicIps(server.id);
      return { [DETAILS_PUBLIC_IPS_KEY]: ips };
    } catch (error) {
      log.warn(`Public IP of ${server.id} for Show Details: ${error instanceof Error ? error.message : String(error)}`);
      return {};
    }
  };
}
