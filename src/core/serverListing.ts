import * as l10n from '@vscode/l10n';
import { ScpError, isScpError } from './scpError';
import type { PageRequest, Server, ServerPage } from './serverModel';
import { SharedValues } from './sharedValues';

/** What a page source may tell the listing before the page is parsed (ScpClient.listServers does). */
export interface PageHooks {
  /** The page's last id, read from the answer's text; parsing waits for the promise returned. */
  onLastId?: (id: string) => Promise<void> | void;
  /** The request has gone out (or is held by the limiter, or failed). */
  onSent?: () => void;
}

/** Fetches one page; the listing passes a signal that is aborted when the list starts over. */
export type PageSource = (page: PageRequest, signal: AbortSignal, hooks?: PageHooks) => Promise<ServerPage>;

export type LoadOutcome = 'loaded' | 'complete' | 'busy' | 'stale' | 'failed';

export interface PageOptions {
  /** Servers to ask for; default: the listing's page size. */
  limit?: number;
  /** A page shorter than asked is not taken as the last: the next request (marker = its last id) decides. */
  confirmShortPage?: boolean;
  /**
   * Pipelining, for Load All: as soon as this page's last id is known (before the page is parsed), the next page
   * is requested with the limit this returns. The next `loadNext` with that marker and limit takes the request
   * over; any other call, a restart or a cancel drops it.
   */
  nextLimit?: () => number;
}

/** A next page requested before the page before it was parsed. */
interface Prefetch {
  marker: string;
  limit: number;
  generation: number;
  controller: AbortController;
  page: Promise<ServerPage>;
  /** Set when a `loadNext` takes it over: where its own last id goes. */
  relay?: (id: string) => Promise<void> | void;
}

/** How the last page went: how many servers were asked for and received. */
export interface PageSizes {
  asked: number;
  received: number;
}

/**
 * The servers loaded so far for one query, and the paging state. One page request at a time: a second call while
 * one is in flight is answered 'busy' and sends nothing (Load All alone asks for the next page early, see
 * `PageOptions.nextLimit`). `restart` starts over and makes any answer still in flight
 * stale, so it is dropped instead of being appended to the new list; the servers already shown stay until the new
 * first page arrives, so a refresh that fails loses nothing.
 */
export class ServerListing {
  private loaded: Server[] = [];
  private readonly ids = new Set<string>();
  private shared = new SharedValues();
  private marker: string | undefined;
  private started = false;
  private done = false;
  /** Set by restart: the next page received replaces what is loaded instead of extending it. */
  private replacing = false;
  private inFlight: AbortController | undefined;
  private prefetched: Prefetch | undefined;
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
    return this.inFlight !== undefined || this.prefetched !== undefined;
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
    const limit = options.limit ?? this.pageSize;
    const sentMarker = this.marker;
    const early = this.takePrefetch(sentMarker, limit);
    const controller = early?.controller ?? new AbortController();
    this.inFlight = controller;
    this.started = true;
    if (!early) {
      // A page requested early already shows as loading: one change (one tree rebuild) per page.
      this.onChange();
    }
    const { nextLimit } = options;
    const onLastId = nextLimit ? (id: string) => this.prefetch(id, sentMarker, generation, nextLimit) : undefined;
    try {
      let page: ServerPage;
      if (early) {
        early.relay = onLastId;
        page = await early.page;
      } else {
        page = await this.source({ limit, marker: sentMarker }, controller.signal, onLastId && { onLastId });
      }
      if (generation !== this.generation) {
        return 'stale';
      }
      this.lastError = undefined;
      this.lastPage = { asked: limit, received: page.servers.length };
      const last = page.servers[page.servers.length - 1]?.id;
      this.append({ ...page, nextMarker: page.nextMarker ?? (options.confirmShortPage ? last : undefined) }, sentMarker);
      if (this.prefetched && (this.done || this.prefetched.marker !== this.marker)) {
        // The early id was a guess from the text; the parsed page decides.
        this.dropPrefetch();
      }
      return this.done ? 'complete' : 'loaded';
    } catch (error) {
      if (generation !== this.generation) {
        return 'stale';
      }
      this.dropPrefetch();
      this.lastError = isScpError(error) ? error : new ScpError('badResponse', l10n.t('Loading servers failed: {0}', String(error)));
      return 'failed';
    } finally {
      if (generation === this.generation) {
        this.inFlight = undefined;
        this.onChange();
      }
    }
  }

  /** Requests the page after `marker` early; resolves once that request is on its way, so parsing waits for it. */
  private prefetch(marker: string, sentMarker: string | undefined, generation: number, nextLimit: () => number): Promise<void> | undefined {
    // The same last id as the marker sent means a gateway that ignores markers: that is decided after parsing.
    if (generation !== this.generation || this.prefetched || marker === sentMarker) {
      return undefined;
    }
    const limit = nextLimit();
    const controller = new AbortController();
    let announce = (): void => undefined;
    const sent = new Promise<void>((resolve) => (announce = resolve));
    const record: Prefetch = { marker, limit, generation, controller, page: Promise.resolve({ servers: [] }) };
    record.page = this.source({ limit, marker }, controller.signal, { onSent: announce, onLastId: (id) => record.relay?.(id) });
    // Taken over by the next loadNext, or dropped; either way its failure is handled there, not here.
    record.page.then(announce, announce);
    this.prefetched = record;
    return sent;
  }

  /** The page requested early, when it is the one asked for now; any other is dropped. */
  private takePrefetch(marker: string | undefined, limit: number): Prefetch | undefined {
    const early = this.prefetched;
    this.prefetched = undefined;
    if (early && early.generation === this.generation && early.marker === marker && early.limit === limit) {
      return early;
    }
    early?.controller.abort();
    return undefined;
  }

  private dropPrefetch(): void {
    this.prefetched?.controller.abort();
    this.prefetched = undefined;
  }

  private append(page: ServerPage, sentMarker: string | undefined): void {
    if (this.replacing) {
      this.replacing = false;
      this.loaded = [];
      this.ids.clear();
      this.shared = new SharedValues();
    }
    let added = 0;
    for (const server of page.servers) {
      // The same server can appear on two pages when the list changes between requests: show it once.
      if (!this.ids.has(server.id)) {
        this.ids.add(server.id);
        this.loaded.push(this.shared.share(server));
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
    this.dropPrefetch();
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
    if (this.inFlight || this.prefetched) {
      this.generation++;
      this.inFlight?.abort();
      this.inFlight = undefined;
      this.dropPrefetch();
      this.onChange();
    }
  }
}
