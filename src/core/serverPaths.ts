// Ids are checked: `.` and `..` survive escaping and a URL parser resolves them (`/v1/servers/..` is `/v1/`).

import * as l10n from '@vscode/l10n';
import { goPathEscape } from './goQuery';
import { ScpError } from './scpError';

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

export function imagePath(id: string): string {
  if (!isUsableServerId(id)) {
    throw new ScpError('badRequest', l10n.t('This server names an image id that cannot be sent to SCP (empty, "." or ".."), so nothing was sent.'));
  }
  return `/v1/images/${goPathEscape(id)}`;
}
