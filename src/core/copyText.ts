import * as l10n from '@vscode/l10n';
import { allIps, primaryIp } from './serverFacts';
import type { Server } from './serverModel';

export type CopyField = 'id' | 'name' | 'ip' | 'json';

export interface CopyResult {
  text: string;
  copied: number;
  /** Servers left out because they have nothing to copy (no IP address). */
  skipped: number;
}

/** With several servers each gives one line (JSON as JSON Lines), so every line is one server whatever the field. */
export function copyText(servers: readonly Server[], field: CopyField): CopyResult {
  if (field === 'json' && servers.length === 1) {
    return { text: JSON.stringify(servers[0], null, 2), copied: 1, skipped: 0 };
  }
  const lines: string[] = [];
  let skipped = 0;
  for (const server of servers) {
    const line =
      field === 'id' ? server.id : field === 'name' ? server.name : field === 'ip' ? primaryIp(server) : JSON.stringify(server);
    if (line === undefined) {
      skipped++;
    } else {
      lines.push(line);
    }
  }
  return { text: lines.join('\n'), copied: lines.length, skipped };
}

export interface IpChoice {
  label: string;
  description: string;
  text: string;
}

/** A server with one address has a single choice, copied without asking. */
export function ipChoices(server: Server, publicIps: readonly string[] = []): IpChoice[] {
  const ips = allIps(server);
  const choices: IpChoice[] = ips.map((entry) => ({
    label: entry.ip,
    description: [entry.subnet || l10n.t('unnamed subnet'), entry.version === 6 || entry.ip.includes(':') ? 'IPv6' : ''].filter(Boolean).join(' · '),
    text: entry.ip,
  }));
  // The public (static NAT) addresses, once known, come after the private ones.
  choices.push(...publicIps.map((ip) => ({ label: ip, description: l10n.t('public, NAT'), text: ip })));
  if (choices.length > 1) {
    choices.push({
      label: l10n.t('All addresses'),
      description: l10n.t('{0} addresses, one per line', choices.length),
      text: choices.map((choice) => choice.text).join('\n'),
    });
  }
  return choices;
}

export function copiedMessage(what: string, result: CopyResult, single?: string): string {
  const message =
    result.copied === 1 && single
      ? l10n.t('Copied {0} of {1}', what, single)
      : result.copied > 1
        ? l10n.t('Copied {0} of {1} servers', what, result.copied)
        : l10n.t('Copied {0}', what);
  return result.skipped > 0 ? l10n.t('{0} ({1} without one)', message, result.skipped) : message;
}
