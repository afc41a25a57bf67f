// The public (static NAT) IP is only in the interfaces, the login OS only in the image: docs/scp-api-facts.md#per-server-reads.

import * as l10n from '@vscode/l10n';
import { ok, fail, type Result } from './result';

export interface NetworkInterface {
  port_id?: string;
  subnet_id?: string;
  mac_addr?: string;
  port_state?: string;
  fixed_ips?: { ip_address?: string }[] | null;
  is_default?: boolean | null;
  static_nat?: { id?: string; external_ip_address?: string | null; publicip_id?: string | null; state?: string | null } | null;
  private_static_nat?: unknown;
}

export interface ServerImage {
  id: string;
  name?: string | null;
  os_distro?: string | null;
  scp_os_version?: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseInterfaces(body: unknown): Result<NetworkInterface[]> {
  if (!isRecord(body) || !Array.isArray(body.interfaces)) {
    return fail(l10n.t('a body without an "interfaces" list'));
  }
  return ok(body.interfaces.filter(isRecord) as NetworkInterface[]);
}

export function parseImage(body: unknown): Result<ServerImage> {
  if (!isRecord(body) || typeof body.id !== 'string') {
    return fail(l10n.t('an image without an id'));
  }
  return ok(body as unknown as ServerImage);
}

/** The static NAT addresses, the default interface's first; a NAT that is being deleted or failed is not one. */
export function publicIpsOf(interfaces: readonly NetworkInterface[]): string[] {
  const ordered = [...interfaces].sort((a, b) => Number(b.is_default === true) - Number(a.is_default === true));
  const ips: string[] = [];
  for (const nic of ordered) {
    const nat = nic.static_nat;
    const ip = nat?.external_ip_address;
    const state = (nat?.state ?? 'ACTIVE').toUpperCase();
    if (typeof ip === 'string' && ip !== '' && !['DELETING', 'DELETED', 'ERROR'].includes(state) && !ips.includes(ip)) {
      ips.push(ip);
    }
  }
  return ips;
}
