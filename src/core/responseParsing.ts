// Only what the extension relies on (ids, names, states) is checked; optional fields stay optional.
import * as l10n from '@vscode/l10n';
import { ok, fail, type Result } from './result';
import type { Server, ServerPage, Vpc } from './serverModel';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkServer(value: unknown): value is Server {
  return isRecord(value) && typeof value.id === 'string' && value.id !== '';
}

/** Missing names and states become empty strings and UNKNOWN, so one odd server never hides the others. */
function normalizeServer(raw: Server): Server {
  return {
    ...raw,
    name: typeof raw.name === 'string' ? raw.name : '',
    state: typeof raw.state === 'string' && raw.state !== '' ? raw.state : 'UNKNOWN',
  };
}

export function parseServerPage(body: unknown, limit: number): Result<ServerPage> {
  if (!isRecord(body) || !Array.isArray(body.servers)) {
    return fail(l10n.t('a body without a "servers" list'));
  }
  const servers: Server[] = [];
  for (const item of body.servers) {
    if (!checkServer(item)) {
      return fail(l10n.t('a server without an id'));
    }
    servers.push(normalizeServer(item));
  }
  // The API gives no next marker: a full page means there may be more (docs/scp-api-facts.md#listing-servers).
  const nextMarker = servers.length >= limit && servers.length > 0 ? servers[servers.length - 1].id : undefined;
  return ok({ servers, nextMarker });
}

export function parseServer(body: unknown): Result<Server> {
  return checkServer(body) ? ok(normalizeServer(body)) : fail(l10n.t('a server without an id'));
}

export function parseVpcPage(body: unknown): Result<Vpc[]> {
  if (!isRecord(body) || !Array.isArray(body.vpcs)) {
    return fail(l10n.t('a body without a "vpcs" list'));
  }
  const vpcs: Vpc[] = [];
  for (const item of body.vpcs) {
    if (!isRecord(item) || typeof item.id !== 'string') {
      return fail(l10n.t('a VPC without an id'));
    }
    vpcs.push({
      id: item.id,
      name: typeof item.name === 'string' ? item.name : '',
      cidr: typeof item.cidr === 'string' ? item.cidr : undefined,
      state: typeof item.state === 'string' ? item.state : undefined,
    });
  }
  return ok(vpcs);
}
