// One table of the server actions (docs/scp-api-facts.md, Server actions): menus, command checks and the follower all read it.
import * as l10n from '@vscode/l10n';
import type { Server } from './serverModel';

export type ServerActionId = 'start' | 'stop' | 'reboot' | 'hardReboot' | 'lock' | 'unlock';

const SERVER_ACTION_IDS: readonly ServerActionId[] = ['start', 'stop', 'reboot', 'hardReboot', 'lock', 'unlock'];

export interface ServerAction {
  id: ServerActionId;
  endpoint: 'start' | 'stop' | 'reboot' | 'lock' | 'unlock';
  body?: { reboot_type: 'SOFT' | 'HARD' };
  /** The permission a 403 means is missing. */
  iamAction: string;
  appliesTo(server: Server): boolean;
  /** `sawChange`: an earlier read differed from the server as it was when the action was sent. */
  isDone(server: Server, sawChange: boolean): boolean;
  progress(): string;
  doneMessage(name: string): string;
  verb(): string;
}

const runnable = (server: Server, state: string): boolean => server.state === state && !server.locked;

const ACTIONS: Record<ServerActionId, ServerAction> = {
  start: {
    id: 'start',
    endpoint: 'start',
    iamAction: 'virtualserver:StartVirtualServer',
    appliesTo: (server) => runnable(server, 'SHUTOFF'),
    isDone: (server) => server.state === 'ACTIVE',
    progress: () => l10n.t('starting…'),
    doneMessage: (name) => l10n.t('{0} is running.', name),
    verb: () => l10n.t('start'),
  },
  stop: {
    id: 'stop',
    endpoint: 'stop',
    iamAction: 'virtualserver:StopVirtualServer',
    appliesTo: (server) => runnable(server, 'ACTIVE'),
    // A server being stopped keeps reading ACTIVE until it is SHUTOFF: only SHUTOFF means done.
    isDone: (server) => server.state === 'SHUTOFF',
    progress: () => l10n.t('stopping…'),
    doneMessage: (name) => l10n.t('{0} is stopped.', name),
    verb: () => l10n.t('stop'),
  },
  reboot: {
    id: 'reboot',
    endpoint: 'reboot',
    body: { reboot_type: 'SOFT' },
    iamAction: 'virtualserver:RebootVirtualServer',
    appliesTo: (server) => runnable(server, 'ACTIVE'),
    // ACTIVE right after the request may be before the reboot began: done once it read otherwise, then ACTIVE.
    isDone: (server, sawChange) => server.state === 'ACTIVE' && sawChange,
    progress: () => l10n.t('rebooting…'),
    doneMessage: (name) => l10n.t('{0} has rebooted.', name),
    verb: () => l10n.t('reboot'),
  },
  hardReboot: {
    id: 'hardReboot',
    endpoint: 'reboot',
    body: { reboot_type: 'HARD' },
    iamAction: 'virtualserver:RebootVirtualServer',
    appliesTo: (server) => runnable(server, 'ACTIVE'),
    isDone: (server, sawChange) => server.state === 'ACTIVE' && sawChange,
    progress: () => l10n.t('hard rebooting…'),
    doneMessage: (name) => l10n.t('{0} has rebooted.', name),
    verb: () => l10n.t('hard reboot'),
  },
  lock: {
    id: 'lock',
    endpoint: 'lock',
    iamAction: 'virtualserver:LockVirtualServer',
    appliesTo: (server) => !server.locked,
    isDone: (server) => server.locked,
    progress: () => l10n.t('locking…'),
    doneMessage: (name) => l10n.t('{0} is locked.', name),
    verb: () => l10n.t('lock'),
  },
  unlock: {
    id: 'unlock',
    endpoint: 'unlock',
    iamAction: 'virtualserver:UnlockVirtualServer',
    appliesTo: (server) => server.locked,
    isDone: (server) => !server.locked,
    progress: () => l10n.t('unlocking…'),
    doneMessage: (name) => l10n.t('{0} is unlocked.', name),
    verb: () => l10n.t('unlock'),
  },
};

export function serverAction(id: ServerActionId): ServerAction {
  return ACTIONS[id];
}

export function applicableActions(server: Server, busy = false): ServerActionId[] {
  return busy ? [] : SERVER_ACTION_IDS.filter((id) => ACTIONS[id].appliesTo(server));
}

export function splitByFit(
  servers: readonly Server[],
  id: ServerActionId,
  isBusy: (serverId: string) => boolean = () => false,
): { fit: Server[]; skipped: Server[] } {
  const fit: Server[] = [];
  const skipped: Server[] = [];
  for (const server of servers) {
    (!isBusy(server.id) && ACTIONS[id].appliesTo(server) ? fit : skipped).push(server);
  }
  return { fit, skipped };
}

