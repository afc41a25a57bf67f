// A details document is named after the server so its tab reads well; the id sits in the query, since names are not unique.
import type { Server } from './serverModel';

export const DETAILS_SCHEME = 'scp-server';

const MAX_NAME_LENGTH = 80;

/** The path `/<name>.json`: `/` and `\` would split the name into folders, so they become look-alikes; control characters go. */
export function detailsPath(server: Pick<Server, 'id' | 'name'>): string {
  const cleaned = [...(server.name || server.id)]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/\//g, '∕')
    .replace(/\\/g, '⧵')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
  // The `.json` ending makes VS Code show it as JSON, on first open and after a reload alike.
  return `/${cleaned || server.id}.json`;
}

export function detailsQuery(id: string): string {
  return `id=${encodeURIComponent(id)}`;
}

export function serverIdFromQuery(query: string): string | undefined {
  const id = new URLSearchParams(query).get('id');
  return id ? id : undefined;
}

export function detailsText(server: Server): string {
  return `${JSON.stringify(server, null, 2)}\n`;
}
