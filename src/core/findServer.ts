import { allIps, primaryIp } from './serverFacts';
import type { Server } from './serverModel';

/** An address or its beginning (`10.10.`, `fd00::`) goes to the `ip` filter; anything else is part of a name. */
export function searchFilterFor(text: string): { key: 'ip' | 'name'; value: string } {
  const value = text.trim();
  const ipLike = /^\d{1,3}(\.\d{0,3}){0,3}$/.test(value) && value.includes('.') ? true : /^[0-9a-f]{1,4}:[0-9a-f:.]*$/i.test(value);
  return { key: ipLike ? 'ip' : 'name', value };
}

export function serverIps(server: Server): string[] {
  const first = primaryIp(server);
  const rest = allIps(server)
    .map((entry) => entry.ip)
    .filter((ip) => ip !== first);
  return first ? [first, ...rest] : rest;
}

export interface MenuEntry {
  command?: string;
  when?: string;
  group?: string;
}

/** Only the `when` clauses this manifest uses on server rows; a clause with anything else is false. */
export function whenHolds(when: string | undefined, viewId: string, contextValue: string, keys: Readonly<Record<string, boolean>>): boolean {
  if (!when) {
    return true;
  }
  return when.split('&&').every((raw) => {
    const term = raw.trim();
    const view = /^view == (\S+)$/.exec(term);
    if (view) {
      return view[1] === viewId;
    }
    const item = /^viewItem =~ \/(.*)\/$/.exec(term);
    if (item) {
      return new RegExp(item[1]).test(contextValue);
    }
    const key = /^(!?)([A-Za-z0-9_.-]+)$/.exec(term);
    if (key && key[2] in keys) {
      return key[1] === '!' ? !keys[key[2]] : keys[key[2]];
    }
    return false;
  });
}

/** The commands of a server row's context menu (not its inline buttons), in menu order, each once. */
export function serverMenuCommands(
  entries: readonly MenuEntry[],
  viewId: string,
  contextValue: string,
  keys: Readonly<Record<string, boolean>> = {},
): string[] {
  const order = (group: string | undefined): [string, number] => {
    const [name, position] = (group ?? 'z').split('@');
    return [name, Number(position ?? 0)];
  };
  const commands = entries
    .filter((entry) => entry.command && !(entry.group ?? '').startsWith('inline') && whenHolds(entry.when, viewId, contextValue, keys))
    .sort((a, b) => {
      const [groupA, positionA] = order(a.group);
      const [groupB, positionB] = order(b.group);
      return groupA === groupB ? positionA - positionB : groupA < groupB ? -1 : 1;
    })
    .map((entry) => entry.command as string);
  return [...new Set(commands)];
}
