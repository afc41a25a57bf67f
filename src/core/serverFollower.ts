// A 202 carries no body: only reading the server again confirms an action (docs/scp-api-facts.md, Server actions).
// One timer for all followed servers; above `batchAbove` of them, one list request replaces the single reads.
import { isScpError } from './scpError';
import { serverAction, type ServerActionId } from './serverActions';
import type { Server } from './serverModel';
import { stateCategory } from './serverStates';

export interface FollowerHost {
  getServer(id: string, signal: AbortSignal): Promise<Server>;
  /** One list request, with the listing's filters and sort. */
  listLoadedRange(signal: AbortSignal): Promise<readonly Server[]>;
  apply(server: Server): void;
  remove(id: string): void;
}

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export type FollowEnd = 'done' | 'error' | 'settled' | 'timedOut' | 'gone' | 'unreachable';

export interface FollowEnded {
  end: FollowEnd;
  id: string;
  name: string;
  action?: ServerActionId;
  server?: Server;
}

export interface FollowerOptions {
  timers?: Timers;
  intervalMs?: number;
  maxFollowMs?: number;
  batchAbove?: number;
  /** 3, like the official provider. */
  maxFailures?: number;
  onEnded?: (event: FollowEnded) => void;
}

interface Followed {
  id: string;
  name: string;
  since: number;
  failures: number;
  key: string;
  action?: { id: ServerActionId; start: Server; sawChange: boolean };
}

// Every 3 s, like the official provider.
const FOLLOW_INTERVAL_MS = 3000;
const MAX_FOLLOW_MS = 10 * 60 * 1000;
const BATCH_ABOVE = 5;

function readKey(server: Server): string {
  return `${server.state} ${server.modified_at}`;
}

function isChangingState(state: string): boolean {
  return stateCategory(state) === 'transitional';
}

export class ServerFollower {
  private readonly followed = new Map<string, Followed>();
  /** Servers given up on, with the read they were left at: listing them again unchanged does not restart following. */
  private readonly gaveUp = new Map<string, string>();
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private readonly maxFollowMs: number;
  private readonly batchAbove: number;
  private readonly maxFailures: number;
  private timer: unknown;
  private round: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private disposed = false;

  constructor(
    private readonly host: FollowerHost,
    private readonly options: FollowerOptions = {},
  ) {
    this.timers = options.timers ?? realTimers;
    this.intervalMs = options.intervalMs ?? FOLLOW_INTERVAL_MS;
    this.maxFollowMs = options.maxFollowMs ?? MAX_FOLLOW_MS;
    this.batchAbove = options.batchAbove ?? BATCH_ABOVE;
    this.maxFailures = options.maxFailures ?? 3;
  }

  pendingAction(id: string): ServerActionId | undefined {
    return this.followed.get(id)?.action?.id;
  }

  isFollowing(id: string): boolean {
    return this.followed.has(id);
  }

  get followedCount(): number {
    return this.followed.size;
  }

  async settled(): Promise<void> {
    await this.round;
  }

  trackAction(server: Server, action: ServerActionId): void {
    this.followed.set(server.id, {
      id: server.id,
      name: server.name || server.id,
      since: this.timers.now(),
      failures: 0,
      key: readKey(server),
      action: { id: action, start: server, sawChange: false },
    });
    this.schedule();
  }

  watchChanging(servers: readonly Server[]): void {
    for (const server of servers) {
      if (isChangingState(server.state) && !this.followed.has(server.id) && this.gaveUp.get(server.id) !== readKey(server)) {
        this.followed.set(server.id, { id: server.id, name: server.name || server.id, since: this.timers.now(), failures: 0, key: readKey(server) });
      }
    }
    this.schedule();
  }

  forget(id: string): void {
    this.followed.delete(id);
  }

  dispose(): void {
    this.disposed = true;
    this.followed.clear();
    this.abort.abort();
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private schedule(): void {
    if (this.disposed || this.timer !== undefined || this.round !== undefined || this.followed.size === 0) {
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.round = this.readAll().finally(() => {
        this.round = undefined;
        this.schedule();
      });
    }, this.intervalMs);
  }

  private async readAll(): Promise<void> {
    const signal = this.abort.signal;
    let singles = [...this.followed.keys()];
    if (singles.length > this.batchAbove) {
      try {
        const listed = await this.host.listLoadedRange(signal);
        const byId = new Map(listed.map((server) => [server.id, server]));
        singles = singles.filter((id) => {
          const server = byId.get(id);
          if (server) {
            this.handleRead(id, server);
          }
          return !server;
        });
      } catch (error) {
        if (this.disposed) {
          return;
        }
        // The range could not be read: count it as a failed read of each, and try again next round.
        singles.forEach((id) => this.handleFailure(id, error));
        return;
      }
    }
    // Servers the range did not hold (moved out of it by the sort, or deleted) are read one by one.
    await Promise.all(
      singles.map(async (id) => {
        try {
          const server = await this.host.getServer(id, signal);
          this.handleRead(id, server);
        } catch (error) {
          if (!this.disposed) {
            this.handleFailure(id, error);
          }
        }
      }),
    );
  }

  private handleRead(id: string, server: Server): void {
    const entry = this.followed.get(id);
    if (!entry || this.disposed) {
      return;
    }
    entry.failures = 0;
    entry.key = readKey(server);
    const end = this.endFor(entry, server);
    if (end) {
      this.followed.delete(id);
      if (end === 'timedOut') {
        this.gaveUp.set(id, readKey(server));
      }
    }
    // Applied after the entry is gone, so a row redrawn now no longer shows the action in progress.
    this.host.apply(server);
    if (end) {
      this.options.onEnded?.({ end, id, name: server.name || entry.name, action: entry.action?.id, server });
    }
  }

  private endFor(entry: Followed, server: Server): FollowEnd | undefined {
    const action = entry.action;
    if (action) {
      const start = action.start;
      action.sawChange ||= server.state !== start.state || server.locked !== start.locked || server.modified_at !== start.modified_at;
      if (serverAction(action.id).isDone(server, action.sawChange)) {
        return 'done';
      }
    } else if (!isChangingState(server.state)) {
      return server.state === 'ERROR' ? 'error' : 'settled';
    }
    if (server.state === 'ERROR') {
      return 'error';
    }
    return this.timers.now() - entry.since >= this.maxFollowMs ? 'timedOut' : undefined;
  }

  private handleFailure(id: string, error: unknown): void {
    const entry = this.followed.get(id);
    if (!entry) {
      return;
    }
    if (isScpError(error) && error.kind === 'cancelled') {
      return;
    }
    const gone = isScpError(error) && error.kind === 'notFound';
    entry.failures += 1;
    const timedOut = this.timers.now() - entry.since >= this.maxFollowMs;
    if (!gone && entry.failures < this.maxFailures && !timedOut) {
      return;
    }
    this.followed.delete(id);
    if (gone) {
      this.host.remove(id);
    } else {
      this.gaveUp.set(id, entry.key);
    }
    this.options.onEnded?.({ end: gone ? 'gone' : timedOut ? 'timedOut' : 'unreachable', id, name: entry.name, action: entry.action?.id });
  }
}
