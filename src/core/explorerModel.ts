import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from './emitter';
import type { Connection } from './connection';
import { loadAllPages } from './loadAll';
import { ScpError } from './scpError';
import type { StartupTimeline } from './startupTimeline';
import { ServerListing, type LoadOutcome, type PageHooks } from './serverListing';
import type { Server, ServerFilters } from './serverModel';
import type { ActionResult } from './actionRunner';
import type { ServerActionId } from './serverActions';
import type { FollowEnded, FollowerOptions } from './serverFollower';
import { hasActions, ServerOperations, type ActionApi } from './serverOperations';

/** What the view shows as a whole; drives `viewsWelcome` through a context key. */
export type ViewState = 'loading' | 'signedOut' | 'misconfigured' | 'empty' | 'loaded' | 'failed';

export type ConnectionState =
  | { kind: 'signedOut' }
  | { kind: 'misconfigured'; error: ScpError }
  | { kind: 'connected'; connection: Connection };

export type Connector = () => Promise<ConnectionState>;

export interface ExplorerModelOptions {
  connect: Connector;
  filters: ServerFilters;
  pageSize: number;
  vpcNamesGraceMs?: number;
  log?: (message: string) => void;
  following?: Omit<FollowerOptions, 'onEnded'>;
  /** Asked at every listing change, so a settings change applies without a reconnect. */
  followListed?: () => boolean;
  timeline?: StartupTimeline;
}

const DEFAULT_VPC_NAMES_GRACE_MS = 300;

/** One model per connection, so several accounts or regions can later sit side by side. */
export class ExplorerModel {
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;

  private readonly connect: Connector;
  private readonly graceMs: number;
  private readonly log: ((message: string) => void) | undefined;
  private readonly timeline: StartupTimeline | undefined;
  private connectionState: ConnectionState | undefined;
  private listing: ServerListing | undefined;
  private starting: Promise<void> | undefined;
  /** Bumped by every reconnect: an older connect still reading keys or files must not win. */
  private generation = 0;
  private names: ReadonlyMap<string, string> = new Map();
  private query: ServerFilters;
  private pageSize: number;
  private state: ViewState = 'loading';
  private operations: ServerOperations | undefined;
  private readonly followingOptions: Omit<FollowerOptions, 'onEnded'>;
  private readonly followListed: () => boolean;
  private readonly followEnded = new Emitter<FollowEnded>();
  readonly onDidEndFollowing: Event<FollowEnded> = this.followEnded.event;

  constructor(options: ExplorerModelOptions) {
    this.connect = options.connect;
    this.followingOptions = options.following ?? {};
    this.followListed = options.followListed ?? (() => true);
    this.query = options.filters;
    this.pageSize = options.pageSize;
    this.graceMs = options.vpcNamesGraceMs ?? DEFAULT_VPC_NAMES_GRACE_MS;
    this.log = options.log;
    this.timeline = options.timeline;
  }

  get viewState(): ViewState {
    return this.state;
  }

  get connection(): Connection | undefined {
    return this.connectionState?.kind === 'connected' ? this.connectionState.connection : undefined;
  }

  get configError(): ScpError | undefined {
    return this.connectionState?.kind === 'misconfigured' ? this.connectionState.error : undefined;
  }

  get servers(): readonly Server[] {
    return this.listing?.servers ?? [];
  }

  /** Empty until the VPC list arrives, or when the key may not list VPCs. */
  get knownVpcNames(): ReadonlyMap<string, string> {
    return this.names;
  }

  get filters(): ServerFilters {
    return this.query;
  }

  get hasMore(): boolean {
    return this.listing?.hasMore ?? false;
  }

  get loading(): boolean {
    return this.listing?.loading ?? false;
  }

  get lastError(): ScpError | undefined {
    return this.configError ?? this.listing?.lastError;
  }

  start(): Promise<void> {
    this.timeline?.mark('model: start() (first getChildren)');
    this.starting ??= this.connectAndLoad(this.generation);
    return this.starting;
  }

  async requireConnection(): Promise<Connection> {
    await this.start();
    const state = this.connectionState;
    if (state?.kind === 'connected') {
      return state.connection;
    }
    throw state?.kind === 'misconfigured'
      ? state.error
      : new ScpError('auth', l10n.t('No SCP access key is set: use Set Access Key in the SCP view first.'));
  }

  async loadMore(): Promise<LoadOutcome | undefined> {
    await this.start();
    return this.listing?.loadNext();
  }

  async loadAll(report: (loaded: number) => void, signal: AbortSignal, onWaiting?: (secondsLeft: number) => void): Promise<LoadOutcome | undefined> {
    await this.start();
    const { listing, connection } = this;
    if (!listing || !connection) {
      return undefined;
    }
    return loadAllPages(listing, {
      pageSize: this.pageSize,
      limiter: connection.client.limiter ?? { waitOutRejection: async () => undefined },
      signal,
      isStale: () => listing !== this.listing,
      onLoaded: report,
      onWaiting,
      log: this.log,
    });
  }

  async refresh(): Promise<LoadOutcome | undefined> {
    const connection = this.connection;
    if (!this.listing || !connection) {
      this.reconnect();
      await this.start();
      return this.listing?.lastError ? 'failed' : undefined;
    }
    this.listing.restart(this.pageSource(connection), this.pageSize);
    if (this.names.size === 0) {
      void this.loadVpcNames(connection);
    }
    return this.listing.loadNext();
  }

  /** Retries the page that failed, or the whole connection when settings or keys were the problem. */
  async retry(): Promise<LoadOutcome | undefined> {
    if (!this.connection) {
      this.reconnect();
      await this.start();
      return undefined;
    }
    return this.listing?.hasStarted ? this.loadMore() : this.refresh();
  }

  setQuery(filters: ServerFilters): Promise<LoadOutcome | undefined> {
    this.query = filters;
    return this.refresh();
  }

  setPageSize(pageSize: number): Promise<LoadOutcome | undefined> | undefined {
    if (pageSize === this.pageSize) {
      return undefined;
    }
    this.pageSize = pageSize;
    return this.listing ? this.refresh() : undefined;
  }

  applyServer(server: Server): boolean {
    return this.listing?.replace(server) ?? false;
  }

  removeServer(id: string): boolean {
    return this.listing?.remove(id) ?? false;
  }

  pendingAction(id: string): ServerActionId | undefined {
    return this.operations?.pendingAction(id);
  }

  /** Rejects when there is no connection to send on; whatever SCP answers comes back as a result. */
  async performAction(server: Server, action: ServerActionId): Promise<ActionResult> {
    await this.requireConnection();
    const operations = this.operations;
    if (!operations) {
      throw new ScpError('config', l10n.t('This connection cannot send server actions.'));
    }
    return operations.perform(server, action);
  }

  async followingSettled(): Promise<void> {
    await this.operations?.settled();
  }

  reconnect(): void {
    this.generation++;
    this.operations?.dispose();
    this.operations = undefined;
    this.listing?.cancelInFlight();
    this.listing = undefined;
    this.connectionState = undefined;
    this.starting = undefined;
    this.names = new Map();
    this.update();
  }

  private async connectAndLoad(generation: number): Promise<void> {
    const state = await this.connect();
    this.timeline?.mark('model: connected');
    if (generation !== this.generation) {
      return this.start();
    }
    this.connectionState = state;
    if (state.kind !== 'connected') {
      this.update();
      return;
    }
    const connection = state.connection;
    this.operations?.dispose();
    this.operations = hasActions(connection.client) ? this.newOperations(connection.client) : undefined;
    const listing: ServerListing = new ServerListing(this.pageSource(connection), this.pageSize, () => {
      if (this.listing === listing) {
        if (!listing.loading && this.followListed()) {
          this.operations?.watch(listing.servers);
        }
        this.update();
      }
    });
    this.listing = listing;
    // A slow VPC API must not hold the servers back: after a short grace the tree shows ids, and names when they come.
    const names = this.loadVpcNames(connection);
    await listing.loadNext();
    this.timeline?.mark('model: first page loaded');
    await Promise.race([names, new Promise((resolve) => setTimeout(resolve, this.graceMs))]);
    this.timeline?.mark('model: first page shown (VPC names or grace)');
    this.update();
  }

  private newOperations(api: ActionApi): ServerOperations {
    const operations: ServerOperations = new ServerOperations(
      api,
      {
        servers: () => this.servers,
        filters: () => this.query,
        apply: (server) => {
          const loaded = this.servers.find((candidate) => candidate.id === server.id);
          // A read that changed nothing redraws nothing.
          if (loaded && JSON.stringify(loaded) !== JSON.stringify(server)) {
            this.applyServer(server);
          }
        },
        remove: (id) => void this.removeServer(id),
        changed: () => this.update(),
      },
      this.followingOptions,
    );
    operations.onDidEndFollowing((event) => this.followEnded.fire(event));
    return operations;
  }

  private async loadVpcNames(connection: Connection): Promise<void> {
    const names = await connection.vpcNamesOnce();
    this.timeline?.mark('model: VPC names loaded');
    if (this.connection === connection && names.size > 0) {
      this.names = names;
      this.update();
    }
  }

  private pageSource(connection: Connection) {
    const filters = this.query;
    return (page: { limit: number; marker?: string }, signal: AbortSignal, hooks?: PageHooks) =>
      connection.client.listServers(filters, page, { signal, ...hooks });
  }

  private update(): void {
    this.state = this.computeState();
    this.changed.fire();
  }

  private computeState(): ViewState {
    const connection = this.connectionState;
    if (!connection) {
      return 'loading';
    }
    if (connection.kind !== 'connected') {
      return connection.kind;
    }
    const listing = this.listing;
    if (!listing || listing.loading || !listing.hasStarted) {
      return 'loading';
    }
    if (listing.lastError) {
      return 'failed';
    }
    return listing.complete && listing.servers.length === 0 ? 'empty' : 'loaded';
  }

  dispose(): void {
    this.generation++;
    this.listing?.cancelInFlight();
    this.operations?.dispose();
    this.followEnded.dispose();
    this.changed.dispose();
  }
}

