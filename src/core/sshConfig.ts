import type { SshTarget } from './sshCommand';

export interface HostEntry {
  alias: string;
  hostName: string;
  user: string;
  identityFile?: string;
  /** Options taken over from scpExplorer.ssh.extraArgs, e.g. `ProxyJump bastion`. */
  options: [string, string][];
}

/** When no letter is left (a Korean name, say), `scp-` and the start of the server id. */
export function hostAlias(name: string, id: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 63);
  return /[A-Za-z]/.test(cleaned) ? cleaned : `scp-${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
}

/** What has no config form is returned apart so the preview can say it was left out. */
export function configOptionsFromArgs(args: readonly string[]): { options: [string, string][]; leftOut: string[] } {
  const options: [string, string][] = [];
  const leftOut: string[] = [];
  const withValue: Record<string, string> = { '-J': 'ProxyJump', '-p': 'Port', '-l': 'User' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const flag = arg.slice(0, 2);
    if (flag in withValue) {
      const value = arg.length > 2 ? arg.slice(2) : args[++i];
      if (value !== undefined) {
        options.push([withValue[flag], value]);
      }
    } else if (flag === '-o') {
      const value = arg.length > 2 ? arg.slice(2) : args[++i];
      const match = value === undefined ? null : /^\s*([A-Za-z]+)\s*[= ]\s*(.+)$/.exec(value);
      if (match) {
        options.push([match[1], match[2].trim()]);
      } else if (value !== undefined) {
        leftOut.push(arg, value);
      }
    } else if (arg === '-A') {
      options.push(['ForwardAgent', 'yes']);
    } else {
      leftOut.push(arg);
    }
  }
  return { options, leftOut };
}

export function hostEntryFor(alias: string, target: SshTarget): HostEntry {
  const { options } = configOptionsFromArgs(target.extraArgs);
  return { alias, hostName: target.address, user: target.user, identityFile: target.identityFile, options: options.filter(([key]) => key !== 'User') };
}

/** A value with spaces or quotes is quoted the way ssh reads it. */
function configValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

function hostEntryLines(entry: HostEntry): string[] {
  const lines = [`Host ${entry.alias}`, `    HostName ${entry.hostName}`, `    User ${configValue(entry.user)}`];
  if (entry.identityFile) {
    lines.push(`    IdentityFile ${configValue(entry.identityFile)}`);
  }
  for (const [key, value] of entry.options) {
    lines.push(`    ${key} ${configValue(value)}`);
  }
  return lines;
}

interface ConfigLine {
  keyword: string;
  args: string[];
}

function readLine(line: string): ConfigLine | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) {
    return undefined;
  }
  const match = /^([A-Za-z]+)(?:\s*=\s*|\s+)(.*)$/.exec(trimmed);
  if (!match) {
    return { keyword: trimmed.toLowerCase(), args: [] };
  }
  const args = [...match[2].matchAll(/"([^"]*)"|(\S+)/g)].map((part) => part[1] ?? part[2]);
  return { keyword: match[1].toLowerCase(), args };
}

const startsBlock = (line: ConfigLine | undefined): boolean => line !== undefined && (line.keyword === 'host' || line.keyword === 'match');

export type ConfigChange = 'added' | 'updated' | 'unchanged';

/** Where the entry for `alias` is: its `Host` line and the line after its last option (before trailing comments). */
export function findHostBlock(text: string, alias: string): { start: number; end: number } | undefined {
  const lines = text.split(/\r?\n/);
  const parsed = lines.map(readLine);
  const start = parsed.findIndex((line) => line?.keyword === 'host' && line.args.length === 1 && line.args[0] === alias);
  if (start < 0) {
    return undefined;
  }
  let next = start + 1;
  while (next < lines.length && !startsBlock(parsed[next])) {
    next++;
  }
  // Blank lines and comments just above the next entry belong to that entry, not to this one.
  let end = next;
  while (end > start + 1 && parsed[end - 1] === undefined) {
    end--;
  }
  return { start, end };
}

/** An entry replaces the one of the same alias where it stands; the file's other lines are kept as they were. */
export function upsertHostEntry(text: string, entry: HostEntry): { text: string; change: ConfigChange } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entryLines = hostEntryLines(entry);
  const block = findHostBlock(text, entry.alias);
  if (block) {
    const lines = text.split(/\r?\n/);
    const current = lines.slice(block.start, block.end);
    if (current.join('\n') === entryLines.join('\n')) {
      return { text, change: 'unchanged' };
    }
    lines.splice(block.start, block.end - block.start, ...entryLines);
    return { text: lines.join(eol), change: 'updated' };
  }
  let prefix = text;
  if (prefix !== '' && !prefix.endsWith('\n')) {
    prefix += eol;
  }
  if (prefix.trim() !== '' && !/\r?\n\s*\r?\n$/.test(prefix)) {
    prefix += eol;
  }
  return { text: prefix + entryLines.join(eol) + eol, change: 'added' };
}
