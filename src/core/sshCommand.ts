// Pure: the terminal gets the ssh argument list as `shellArgs`, so no shell ever parses server data.

import * as l10n from '@vscode/l10n';
import { primaryIp } from './serverFacts';
import type { Server } from './serverModel';

export type PreferredAddress = 'public' | 'private';

export interface SshSettings {
  preferredAddress: PreferredAddress;
  /** Key: an image OS (`ubuntu`, `windows`) or a glob over server names (`web-*`); value: the login user. */
  user: Record<string, string>;
  identityFiles: Record<string, string>;
  /** Passed to ssh before the destination, e.g. `["-J", "bastion"]`. */
  extraArgs: string[];
}

export interface ChosenAddress {
  address: string;
  kind: 'public' | 'private';
}

/** The public (NAT) address when there is one and it is preferred, else the row's private address, else any. */
export function chooseAddress(server: Server, publicIps: readonly string[], preferred: PreferredAddress): ChosenAddress | undefined {
  const publicIp = publicIps[0];
  const privateIp = primaryIp(server);
  if (preferred === 'public' && publicIp) {
    return { address: publicIp, kind: 'public' };
  }
  if (privateIp) {
    return { address: privateIp, kind: 'private' };
  }
  return publicIp ? { address: publicIp, kind: 'public' } : undefined;
}

/** Login users of the common cloud images; any other known OS logs in as root. */
const DEFAULT_USERS: Record<string, string> = {
  ubuntu: 'ubuntu',
  rocky: 'rocky',
  centos: 'centos',
  debian: 'debian',
  almalinux: 'almalinux',
};
const FALLBACK_USER = 'root';

export function usualUsers(): string[] {
  return [FALLBACK_USER, ...new Set(Object.values(DEFAULT_USERS))];
}

/** `*` and `?` globs, matched against the whole name, case-sensitively like ssh's own Host patterns. */
export function globMatches(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}

export type UserSource = 'setting' | 'remembered' | 'os' | 'unknown';

export interface ResolvedUser {
  user: string;
  source: UserSource;
}

/** Name patterns first (most specific), then the OS entry, the earlier answer, the OS default; no OS: `unknown`. */
export function resolveUser(server: Server, osDistro: string | undefined, userMap: Record<string, string>, remembered: string | undefined): ResolvedUser {
  const entries = Object.entries(userMap).filter(([, user]) => typeof user === 'string' && isValidUser(user));
  const distro = osDistro?.toLowerCase();
  const byName = entries.find(([key]) => key.toLowerCase() !== distro && globMatches(key, server.name));
  if (byName) {
    return { user: byName[1], source: 'setting' };
  }
  const byOs = distro ? entries.find(([key]) => key.toLowerCase() === distro) : undefined;
  if (byOs) {
    return { user: byOs[1], source: 'setting' };
  }
  if (remembered && isValidUser(remembered)) {
    return { user: remembered, source: 'remembered' };
  }
  if (distro) {
    return { user: DEFAULT_USERS[distro] ?? FALLBACK_USER, source: 'os' };
  }
  return { user: FALLBACK_USER, source: 'unknown' };
}

/** A POSIX login name: what ssh can take without it ever looking like an option. */
export function isValidUser(user: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/.test(user);
}

/** An IPv4 or IPv6 literal, so an address from the API can never be read by ssh as an option or a host alias. */
export function isIpLiteral(address: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    return v4.slice(1).every((octet) => Number(octet) <= 255);
  }
  return /^[0-9A-Fa-f:.]+$/.test(address) && address.includes(':') && !address.startsWith('-');
}

/** Keypair names become file names: anything that could leave `~/.ssh` is not used. */
function isSafeKeypairName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) && !name.includes('..');
}

/** With no key file ssh tries its own defaults. `exists` answers for an absolute path. */
export function identityFileFor(
  keypairName: string | null | undefined,
  identityFiles: Record<string, string>,
  home: string,
  exists: (file: string) => boolean,
): { file: string; fromSetting: boolean } | undefined {
  if (!keypairName) {
    return undefined;
  }
  const configured = identityFiles[keypairName];
  if (typeof configured === 'string' && configured.trim() !== '') {
    return { file: expandHome(configured.trim(), home), fromSetting: true };
  }
  if (!isSafeKeypairName(keypairName)) {
    return undefined;
  }
  const sep = home.includes('\\') && !home.includes('/') ? '\\' : '/';
  for (const candidate of [`${keypairName}.pem`, keypairName]) {
    const file = [home.replace(/[\\/]+$/, ''), '.ssh', candidate].join(sep);
    if (exists(file)) {
      return { file, fromSetting: false };
    }
  }
  return undefined;
}

export function expandHome(file: string, home: string): string {
  return file === '~' ? home : /^~[\\/]/.test(file) ? home.replace(/[\\/]+$/, '') + file.slice(1) : file;
}

export interface SshTarget {
  user: string;
  address: string;
  identityFile?: string;
  extraArgs: readonly string[];
}

/** `ssh`'s arguments: the extra ones first (they are options), the key, then `user@address` last. */
export function sshArgs(target: SshTarget): string[] {
  const args = [...target.extraArgs];
  if (target.identityFile) {
    args.push('-i', target.identityFile);
  }
  args.push(`${target.user}@${target.address}`);
  return args;
}

export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function sshCommandText(target: SshTarget): string {
  return ['ssh', ...sshArgs(target)].map(shellQuote).join(' ');
}

export function checkTarget(target: SshTarget): string | undefined {
  if (!isValidUser(target.user)) {
    return l10n.t('"{0}" is not a valid SSH user name: check the setting scpExplorer.ssh.user.', target.user);
  }
  if (!isIpLiteral(target.address)) {
    return l10n.t('The server\'s address is not an IP address, so it is not passed to ssh.');
  }
  return undefined;
}

/** Windows servers are reached over RDP: their planned OS type says so, or their image's OS does. */
export function isWindowsServer(server: Server, osDistro?: string): boolean {
  return server.planned_compute_os_type?.toLowerCase() === 'windows' || osDistro?.toLowerCase() === 'windows';
}
