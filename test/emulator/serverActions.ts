/**
 * The server actions (scp-api.md §6) as a small state machine like the live service's:
 *
 * - stop:   202, the server keeps reading ACTIVE for `delayMs`, then SHUTOFF.
 * - start:  202, the server keeps reading SHUTOFF for `delayMs`, then ACTIVE.
 * - reboot: 202, the server reads REBOOT (SOFT) or HARD_REBOOT (HARD) for `delayMs`, then ACTIVE.
 * - lock / unlock: 202, `locked` changes at once.
 *
 * start/stop/reboot answer 409 on the wrong state, on a locked server, or while another action on it is pending.
 * Forced answers per action (`faults`) simulate a missing IAM permission (403), a conflict (409) or a failure (500),
 * optionally after the action took effect (`applied`: the 5xx a client must not answer by repeating the POST).
 */
import type { Server } from '../../src/core/serverModel';

export type ServerActionName = 'start' | 'stop' | 'reboot' | 'lock' | 'unlock';

export const ACTION_PATH = /^\/v1\/servers\/([^/]+)\/(start|stop|reboot|lock|unlock)$/;

/** The IAM action SCP names when the key lacks the permission (for the forced 403's detail). */
const IAM_ACTIONS: Record<ServerActionName, string> = {
  start: 'virtualserver:StartVirtualServer',
  stop: 'virtualserver:StopVirtualServer',
  reboot: 'virtualserver:RebootVirtualServer',
  lock: 'virtualserver:LockVirtualServer',
  unlock: 'virtualserver:UnlockVirtualServer',
};

export interface ActionFault {
  status: number;
  /** With a 5xx: the action is carried out anyway before the failure is answered. */
  applied?: boolean;
  /** Fail this many times, then behave normally; default: every time. */
  count?: number;
}

export interface ActionOptions {
  /** How long stop/start/reboot take before the final state; default 2000 ms. */
  delayMs?: number;
}

export type ActionVerdict = { status: 202 } | { status: number; detail: string[] };

export class ServerActions {
  delayMs: number;
  /** Forced answers per action; tests set and clear entries. */
  faults: Partial<Record<ServerActionName, ActionFault>> = {};
  /** Server id → the action in progress (until its final state is written). */
  private readonly pending = new Map<string, { action: ServerActionName; timer: NodeJS.Timeout }>();

  constructor(options: ActionOptions = {}) {
    this.delayMs = options.delayMs ?? 2000;
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  /** Carries out one action on `server` (already found); `body` is the request body as received. */
  perform(server: Server, action: ServerActionName, body: string): ActionVerdict {
    const fault = this.takeFault(action);
    if (fault && !(fault.status >= 500 && fault.applied)) {
      return { status: fault.status, detail: [forcedDetail(action, fault.status)] };
    }
    const verdict = this.apply(server, action, body);
    if (fault && verdict.status === 202) {
      return { status: fault.status, detail: [forcedDetail(action, fault.status)] };
    }
    return verdict;
  }

  /** The forced answer for this request, if any; counts it down. */
  private takeFault(action: ServerActionName): ActionFault | undefined {
    const fault = this.faults[action];
    if (fault?.count !== undefined) {
      fault.count -= 1;
      if (fault.count <= 0) {
        this.faults[action] = undefined;
      }
      if (fault.count < 0) {
        return undefined;
      }
    }
    return fault;
  }

  private apply(server: Server, action: ServerActionName, body: string): ActionVerdict {
    if (action === 'lock' || action === 'unlock') {
      server.locked = action === 'lock';
      touch(server);
      return { status: 202 };
    }
    let rebootType: 'SOFT' | 'HARD' = 'SOFT';
    if (action === 'reboot') {
      const parsed = parseRebootType(body);
      if (typeof parsed !== 'string' || (parsed !== 'SOFT' && parsed !== 'HARD')) {
        return { status: 400, detail: [parsed === undefined ? 'the body must be JSON {"reboot_type": "SOFT" | "HARD"}' : 'reboot_type must be SOFT or HARD'] };
      }
      rebootType = parsed;
    }
    if (server.locked) {
      return { status: 409, detail: [`server ${server.id} is locked`] };
    }
    const pending = this.pending.get(server.id);
    if (pending) {
      return { status: 409, detail: [`another operation (${pending.action}) is in progress on server ${server.id}`] };
    }
    const required = action === 'start' ? 'SHUTOFF' : 'ACTIVE';
    if (server.state !== required) {
      return { status: 409, detail: [`cannot ${action} server ${server.id} in state ${server.state}`] };
    }
    if (action === 'reboot') {
      server.state = rebootType === 'HARD' ? 'HARD_REBOOT' : 'REBOOT';
      touch(server);
    }
    const target = action === 'stop' ? 'SHUTOFF' : 'ACTIVE';
    const timer = setTimeout(() => {
      this.pending.delete(server.id);
      server.state = target;
      touch(server);
    }, this.delayMs);
    this.pending.set(server.id, { action, timer });
    return { status: 202 };
  }

  /** Ends every pending action where it is (the emulator stops). */
  clear(): void {
    for (const { timer } of this.pending.values()) {
      clearTimeout(timer);
    }
    this.pending.clear();
  }
}

function touch(server: Server): void {
  server.modified_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The body's reboot_type, `undefined` when the body is not a JSON object, or whatever else it holds. */
function parseRebootType(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? ((parsed as Record<string, unknown>).reboot_type ?? null) : undefined;
  } catch {
    return undefined;
  }
}

function forcedDetail(action: ServerActionName, status: number): string {
  if (status === 403) {
    return `the access key lacks the permission ${IAM_ACTIONS[action]}`;
  }
  if (status === 409) {
    return `simulated conflict: ${action} cannot run now`;
  }
  return `simulated failure (status ${status}) of ${action}`;
}
