// A server may lack any optional field or carry another type than documented: reading never throws, so one odd server
// cannot hide the others.
import * as l10n from '@vscode/l10n';
import type { Server } from './serverModel';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

export interface LabelledIp {
  subnet: string;
  ip: string;
  version?: number | null;
}

export function allIps(server: Server): LabelledIp[] {
  const result: LabelledIp[] = [];
  const subnets: unknown = server.addresses;
  for (const subnet of Array.isArray(subnets) ? subnets : []) {
    const addresses: unknown = isRecord(subnet) ? subnet.ip_addresses : undefined;
    for (const address of Array.isArray(addresses) ? addresses : []) {
      if (isRecord(address) && typeof address.ip_address === 'string' && address.ip_address !== '') {
        const version = typeof address.version === 'number' ? address.version : undefined;
        result.push({ subnet: textOf((subnet as Record<string, unknown>).subnet_name) ?? '', ip: address.ip_address, version });
      }
    }
  }
  return result;
}

function isPrivate(ip: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip) || /^f[cd][0-9a-f]{2}:/i.test(ip);
}

/** Private addresses first: they are the ones used to reach a server from inside its VPC. */
export function primaryIp(server: Server): string | undefined {
  const ips = allIps(server);
  const v4 = ips.filter((entry) => !entry.ip.includes(':'));
  return (v4.find((entry) => isPrivate(entry.ip)) ?? v4[0] ?? ips[0])?.ip;
}

/** SCP sometimes sends timestamps without a zone; they are UTC (docs/scp-api-facts.md#listing-servers). */
export function parseScpTimestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') {
    return undefined;
  }
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
  const date = new Date(hasZone ? value : `${value.trim()}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatLocalTime(value: unknown): string {
  const date = parseScpTimestamp(value);
  if (!date) {
    return textOf(value) ?? '';
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} (${zone})`;
}

/** RAM is in MB in the API. */
export function describeServerType(server: Server): string {
  const type: unknown = server.server_type;
  if (!isRecord(type)) {
    return '';
  }
  const parts = [textOf(type.name) || textOf(type.id) || ''];
  if (typeof type.vcpus === 'number') {
    parts.push(l10n.t('{0} vCPU', type.vcpus));
  }
  if (typeof type.ram === 'number') {
    parts.push(type.ram >= 1024 ? l10n.t('{0} GB RAM', +(type.ram / 1024).toFixed(1)) : l10n.t('{0} MB RAM', type.ram));
  }
  if (typeof type.disk === 'number' && type.disk > 0) {
    parts.push(l10n.t('{0} GB disk', type.disk));
  }
  return parts.filter((part) => part !== '').join(' · ');
}
