import * as l10n from '@vscode/l10n';
import { ok, fail, type Result } from './result';
import type { Server } from './serverModel';
import { stateCategory } from './serverStates';

export const CONSOLE_LOG_SCHEME = 'scp-console';
const DEFAULT_CONSOLE_LINES = 200;
const MAX_CONSOLE_LINES = 10000;

export function parseConsoleLog(body: unknown): Result<string | null> {
  if (typeof body !== 'object' || body === null || !('output' in body)) {
    return fail(l10n.t('a body without "output"'));
  }
  const output = (body as { output: unknown }).output;
  return output === null || typeof output === 'string' ? ok(output) : fail(l10n.t('an "output" that is not text'));
}

/** `/<name> console.log`: slashes and control characters out, so the tab reads as the server's name. */
export function consoleLogPath(server: Pick<Server, 'id' | 'name'>): string {
  const cleaned = [...(server.name || server.id)]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/[/\\]/g, '∕')
    .trim()
    .slice(0, 80);
  return `/${cleaned || server.id} console.log`;
}

export function consoleLogQuery(id: string): string {
  return `id=${encodeURIComponent(id)}`;
}

export function serverIdOfConsoleQuery(query: string): string | undefined {
  return new URLSearchParams(query).get('id') || undefined;
}

export function consoleLineSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(MAX_CONSOLE_LINES, Math.max(1, Math.round(value))) : DEFAULT_CONSOLE_LINES;
}

export function consoleLogText(output: string | null, state: string): string {
  if (output !== null && output.trim() !== '') {
    return output.endsWith('\n') ? output : `${output}\n`;
  }
  return stateCategory(state) === 'stopped'
    ? `${l10n.t('No console output: the server is stopped ({0}).', state)}\n`
    : `${l10n.t('No console output yet.')}\n`;
}
