import * as l10n from '@vscode/l10n';
import { ScpError, isScpError } from './scpError';
import type { PageRequest, Server, ServerPage } from './serverModel';
import { SharedValues } from './sharedValues';

export interface PageHooks {
  /** Parsing waits for the promise returned, so the next request goes out first. */
  onLastId?: (id: string) => Promise<void> | void;
  onSent?: () => void;
}

export type PageSource = (page: PageRequest, signal: AbortSignal, hooks?: PageHooks) => Promise<ServerPage>;

export type LoadOutcome = 'loaded' | 'complete' | 'busy' | 'stale' | 'failed';

export interface PageOptions {
  limit?: number;
  /** A short page may be a capped one: the next request (marker = its last id) decides. */
  confirmShortPage?: boolean;
  /** Load All's pipelining: the next page is asked for with this limit once this page's last id is read; a `loadNext` with that marker and limit takes it over, anything else drops it. */
  nextLimit?: () => number;
}

interface Prefetch {
  marker: string;
  limit: number;
  generation: number;
  controller: AbortController;
  page: Promise<ServerPage>;
  relay?: (id: string) => Promise<void> | void;
}

export interface PageSizes {
  asked: number;
  received: number;
}

/** The servers shown stay until a restart's first page arrives, so a refresh that fails loses nothing. */
export class ServerListing {
  private loaded: Server[] = [];
  private readonly ids = new Set<string>();
  private shared = new SharedValues();
  private marker: string | undefined;
  private started = false;
  private done = false;
  private replacing = false;
  private inFlight: AbortController | undefined;
  private prefetched: Prefetch | undefined;
  private pending: Promise<LoadOutcome> | undefined;
  private generation = 0;
  lastError: ScpError | undefined;
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

  get complete(): boolean {
    return this.done;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  get hasMore(): boolean {
    return this.started && !this.done && !this.replacing;
  }

  async settled(): Promise<void> {
    await this.pending;
  }

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

  remove(id: string): boolean {
    if (!this.ids.delete(id)) {
      return false;
    }
    this.loaded = this.loaded.filter((server) => server.id !== id);
    this.onChange();
    return true;
  }

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

  /** Keeps what was loaded: the next load asks for the same page again. */
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
