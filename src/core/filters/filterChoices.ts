import * as l10n from '@vscode/l10n';
import { compareVpcs } from '../grouping';
import { describeServerType } from '../serverFacts';
import type { Server } from '../serverModel';

export interface Choice {
  value: string;
  label: string;
  description: string;
}

function loadedCount(count: number): string {
  return l10n.t('{0} loaded', count);
}

function countBy(servers: readonly Server[], keyOf: (server: Server) => unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const server of servers) {
    const key = keyOf(server);
    if (typeof key === 'string' && key !== '') {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export function vpcChoices(vpcNames: ReadonlyMap<string, string>, servers: readonly Server[]): Choice[] {
  const counts = countBy(servers, (server) => server.vpc_id);
  const ids = [...new Set([...vpcNames.keys(), ...counts.keys()])].sort((a, b) => compareVpcs(a, b, vpcNames));
  return ids.map((id) => {
    const name = vpcNames.get(id);
    const count = counts.get(id);
    return {
      value: id,
      label: name ?? id,
      description: [name ? id : l10n.t('name unknown'), count ? loadedCount(count) : ''].filter(Boolean).join(' · '),
    };
  });
}

export function serverTypeChoices(servers: readonly Server[]): Choice[] {
  const counts = countBy(servers, (server) => server.server_type?.id);
  const sample = new Map<string, Server>();
  for (const server of servers) {
    const id = server.server_type?.id;
    if (typeof id === 'string' && id !== '' && !sample.has(id)) {
      sample.set(id, server);
    }
  }
  return [...counts.keys()]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((id) => {
      const size = describeServerType(sample.get(id) as Server).split(' · ').slice(1).join(' · ');
      return { value: id, label: id, description: [size, loadedCount(counts.get(id) ?? 0)].filter(Boolean).join(' · ') };
    });
}

export function autoScalingGroupChoices(servers: readonly Server[]): Choice[] {
  const counts = countBy(servers, (server) => server.auto_scaling_group_id);
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, count]) => ({ value: id, label: id, description: loadedCount(count) }));
}

/** Sort keys offered by Sort Servers…; the API accepts others, which can be given as the command's argument. */
export function sortKeys(): { key: string; label: string }[] {
  return [
    { key: 'created_at', label: l10n.t('Created') },
    { key: 'modified_at', label: l10n.t('Modified') },
    { key: 'name', label: l10n.t('Name') },
    { key: 'state', label: l10n.t('State') },
  ];
}
