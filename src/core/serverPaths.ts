import * as l10n from '@vscode/l10n';
import { goPathEscape } from './goQuery';
import { ScpError } from './scpError';

/**
 * Paths of one server, e.g. `/v1/servers/{id}` and `/v1/servers/{id}/…`. The id comes from SCP's answers or from
 * a document's URI, so it is checked: `.` and `..` survive escaping and a URL parser resolves them, which would
 * send the signed request to another path (`/v1/servers/..` is `/v1/`).
 */

function isUsableServerId(id: unknown): id is string {
  return typeof id === 'string' && id.trim() !== '' && id !== '.' && id !== '..';
}

/** Throws before anything is sent when the id cannot name one server. `rest` is a fixed suffix such as `/interfaces`. */
export function serverPath(id: string, rest = ''): string {
  if (!isUsableServerId(id)) {
    throw new ScpError('badRequest', l10n.t('This server has an id that cannot be sent to SCP (empty, "." or ".."), so nothing was sent. Refresh the list.'));
  }
  return `/v1/servers/${goPathEscape(id)}${rest}`;
}

/** `/v1/images/{id}`, for the image a server names; checked like a server id. */
export function imagePath(id: string): string {
  if (!isUsableServerId(id)) {
    throw new ScpError('badRequest', l10n.t('This server names an image id that cannot be sent to SCP (empty, "." or ".."), so nothing was sent.'));
  }
  return `/v1/images/${goPathEscape(id)}`;
}
