import * as l10n from '@vscode/l10n';
import { ScpError, isScpError } from './scpError';
import type { PageRequest, Server, ServerPage } from './serverModel';

/** Fetches one page; the listing passes a signal that is aborted when the list starts over. */
export type PageSource = (page: PageRequest, signal: AbortSignal) => Promise<ServerPage>;

export type LoadOutcome = 'loaded' | 'complete' | 'busy' | 'stale' | 'failed';

export interface PageOptions {
  /** Servers to ask for; default: the listing's page size. */
  limit?: number;
  /** A page shorter than asked is not taken as the last: the next request (marker = its last id) decides. */
  confirmShortPage?: boolean;
}

/** How the last page went: how many servers were asked for and received. */
export interface PageSizes {
  asked: number;
  received: number;
}

/**
 * The servers loaded so far for one query, and the paging state. One page request at a time: a second call while
 * one is in flight is answered 'busy' and sends nothing. `restart` starts over and makes any answer still in flight
 * stale, so it is dropped instead of being appended to the new list; the servers already shown stay until the new
 * first page arrives, so a refresh that fails loses nothing.
 */
export class ServerListing {
  private loaded: Server[] = [];
  private readonly ids = new Set<string>();
  private marker: string | undefined;
  private started = false;
  private done = false;
  /** Set by restart: the next page received replaces what is loaded instead of extending it. */
  private replacing = false;
  private inFlight: AbortController | undefined;
  private pending: Promise<LoadOutcome> | undefined;
  private generation = 0;
  /** The error of the last page request, cleared by the next successful one. */
  lastError: ScpError | undefined;
  /** Sizes of the last page received. */
  lastPage: PageSizes | undefined;

  constructor(
    private source: PageSource,
    private pageSize: number,
    private readonly onChange: () => void = () => undefined,
  ) {}

  get servers(): readonly Server[] {
    return this.loaded;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /** True once a short page was received: everything that matches is loaded. */
  get complete(): boolean {
    return this.done;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  /** True while the last page was full: there may be more to load. */
  get hasMore(): boolean {
    return this.started && !this.done && !this.replacing;
  }

  /** Resolves when the page request in flight, if any, has ended. */
  async settled(): Promise<void> {
    await this.pending;
  }

  /** Loads the next page (the first one when nothing is loaded). */
  loadNext(options: PageOptions = {}): Promise<LoadOutcome> {
    if (this.inFlight) {
      return Promise.resolve('busy');
    }
    this.pending = this.fetchNext(options);
    return this.pending;
  }

  private async fetchNext(options: PageOptions): Promise<LoadOutcome> {
    if (this.done) {
      return 'complete';
    }
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight = controller;
    this.started = true;
    const sentMarker = this.marker;
    this.onChange();
    try {
      const limit = options.limit ?? this.pageSize;
      const page = await this.source({ limit, marker: sentMarker }, controller.signal);
      if (generation !== this.generation) {
        return 'stale';
      }
      this.lastError = undefined;
      this.lastPage = { asked: limit, received: page.servers.length };
      const last = page.servers[page.servers.length - 1]?.id;
      this.append({ ...page, nextMarker: page.nextMarker ?? (options.confirmShortPage ? last : undefined) }, sentMarker);
      return this.done ? 'complete' : 'loaded';
    } catch (error) {
      if (generation !== this.generation) {
        return 'stale';
      }
      this.lastError = isScpError(error) ? error : new ScpError('badResponse', l10n.t('Loading servers failed: {0}', String(error)));
      return 'failed';
    } finally {
      if (generation === this.generation) {
        this.inFlight = undefined;
        this.onChange();
      }
    }
  }

  private append(page: ServerPage, sentMarker: string | undefined): void {
    if (this.replacing) {
      this.replacing = false;
      this.loaded = [];
      this.ids.clear();
    }
    let added = 0;
    for (const server of page.servers) {
      // The same server can appear on two pages when the list changes between requests: show it once.
      if (!this.ids.has(server.id)) {
        this.ids.add(server.id);
        this.loaded.push(server);
        added++;
      }
    }
    if (page.nextMarker === undefined) {
      this.done = true;
      return;
    }
    if (page.nextMarker === sentMarker || added === 0) {
      // A gateway that ignores the marker answers the same page forever: stop instead of paging endlessly.
      this.done = true;
      this.lastError = new ScpError(
        'badResponse',
        l10n.t('SCP answered the same page again for the next page, so paging stopped. The servers loaded so far are shown; refresh to start over.'),
      );
      return;
    }
    this.marker = page.nextMarker;
  }

  /** Puts a fresh copy of a loaded server in its place (a follow-up read); false when it is not loaded. */
  replace(server: Server): boolean {
    const index = this.ids.has(server.id) ? this.loaded.findIndex((loaded) => loaded.id === server.id) : -1;
    if (index < 0) {
      return false;
    }
    this.loaded = this.loaded.slice();
    this.loaded[index] = server;
    this.onChange();
    return true;
  }

  /** Forgets a server that SCP no longer has (404 on a follow-up read). */
  remove(id: string): boolean {
    if (!this.ids.delete(id)) {
      return false;
    }
    this.loaded = this.loaded.filter((server) => server.id !== id);
    this.onChange();
    return true;
  }

  /**
   * Starts over from the first page, optionally with another query or page size. Any answer still in flight is
   * dropped; what is loaded stays visible until the new first page replaces it.
   */
  restart(source: PageSource = this.source, pageSize: number = this.pageSize): void {
    this.generation++;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.source = source;
    this.pageSize = pageSize;
    this.replacing = this.loaded.length > 0;
    this.marker = undefined;
    this.started = false;
    this.done = false;
    this.lastError = undefined;
    this.onChange();
  }

  /** Stops any request in flight without forgetting what was loaded; the next load asks for the same page. */
  cancelInFlight(): void {
    if (this.inFlight) {
      this.generation++;
      this.inFlight.abort();
      this.inFlight = undefined;
      this.onChange();
    }
  }
}
