import { runServerAction, type ActionResult } from './actionRunner';
import type { ServerApi } from './connection';
import { Emitter, type Event } from './emitter';
import { serverAction, type ServerActionId } from './serverActions';
import { ServerFollower, type FollowEnded, type FollowerOptions } from './serverFollower';
import type { Server, ServerFilters } from './serverModel';

export interface OperationsHost {
  servers(): readonly Server[];
  filters(): ServerFilters;
  apply(server: Server): void;
  remove(id: string): void;
  changed(): void;
}

export interface ActionApi extends ServerApi {
  serverAction(id: string, action: ServerActionId, call?: { signal?: AbortSignal }): Promise<void>;
}

export function hasActions(api: ServerApi): api is ActionApi {
  return typeof (api as Partial<ActionApi>).serverAction === 'function';
}

/** The most the loaded-range read asks for in one request (the emulator's cap; the live service's is unknown). */
const MAX_RANGE = 1000;

/** One per connection, so a reconnect drops every timer and request of the old one. */
export class ServerOperations {
  private readonly follower: ServerFollower;
  private readonly ended = new Emitter<FollowEnded>();
  readonly onDidEndFollowing: Event<FollowEnded> = this.ended.event;

  constructor(
    private readonly api: ActionApi,
    private readonly host: OperationsHost,
    options: Omit<FollowerOptions, 'onEnded'> = {},
  ) {
    this.follower = new ServerFollower(
      {
        getServer: (id, signal) => api.getServer(id, { signal }),
        listLoadedRange: async (signal) => {
          const limit = Math.min(Math.max(host.servers().length, 1), MAX_RANGE);
          return (await api.listServers(host.filters(), { limit }, { signal })).servers;
        },
        apply: (server) => host.apply(server),
        remove: (id) => host.remove(id),
      },
      {
        ...options,
        onEnded: (event) => {
          host.changed();
          this.ended.fire(event);
        },
      },
    );
  }

  pendingAction(id: string): ServerActionId | undefined {
    return this.follower.pendingAction(id);
  }

  watch(servers: readonly Server[]): void {
    this.follower.watchChanging(servers);
  }

  async perform(server: Server, action: ServerActionId): Promise<ActionResult> {
    const result = await runServerAction(server, action, {
      post: (target, id) => this.api.serverAction(target.id, id),
      getServer: (id) => this.api.getServer(id),
    });
    if (result.kind === 'gone') {
      this.follower.forget(server.id);
      this.host.remove(server.id);
      return result;
    }
    const doneAlready = result.kind === 'tookEffect' && serverAction(action).isDone(result.server, result.server.state !== server.state);
    if (result.kind === 'accepted' || (result.kind === 'tookEffect' && !doneAlready)) {
      this.follower.trackAction(server, action);
      this.host.changed();
    }
    if (result.kind !== 'accepted' && result.server) {
      this.host.apply(result.server);
    }
    return result;
  }

  settled(): Promise<void> {
    return this.follower.settled();
  }

  dispose(): void {
    this.follower.dispose();
    this.ended.dispose();
  }
}
