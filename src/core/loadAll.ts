import type { RequestLimiter } from './requestLimiter';
import type { LoadOutcome, ServerListing } from './serverListing';

/** Load All asks for this many servers per page (or the pageSize setting when larger): few requests per account. */
export const LOAD_ALL_PAGE_SIZE = 1000;
/** Firewall rejections in a row that Load All waits out before it reports the last one. */
export const MAX_REJECTION_WAITS = 5;

export interface LoadAllOptions {
  /** The pageSize setting. */
  pageSize: number;
  /** The connection's limiter: how long SCP's firewall holds requests back after a 417. */
  limiter: Pick<RequestLimiter, 'waitOutRejection'>;
  signal: AbortSignal;
  /** True once the listing shown is another one (a new query or connection): stop quietly. */
  isStale?: () => boolean;
  /** The number of servers loaded, after every page. */
  onLoaded: (loaded: number) => void;
  /** While the firewall holds requests back: whole seconds left, about once a second. */
  onWaiting?: (secondsLeft: number) => void;
  log?: (message: string) => void;
}

/**
 * Pages to the end. The live service's cap on `limit` is not documented (docs/scp-api-facts.md, Listing servers), and a capped page
 * would look like the last one; so a short page ends paging only when the next request comes back empty, and a
 * next request that returns servers reveals the cap, which later pages then use. A 417 (the firewall) is waited
 * out and the same page asked again; cancelling stops at once, keeping whole pages.
 */
export async function loadAllPages(listing: ServerListing, options: LoadAllOptions): Promise<LoadOutcome> {
  let size = Math.max(LOAD_ALL_PAGE_SIZE, options.pageSize);
  let unconfirmedShortPage: number | undefined;
  let rejections = 0;
  const cancel = (): void => listing.cancelInFlight();
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      await listing.settled();
      if (options.signal.aborted || options.isStale?.()) {
        return 'stale';
      }
      // The size of the page after this one, once this one is known to hold servers: the next request goes out as
      // soon as this page's last id is read, while this page is parsed and shown.
      const nextLimit = (): number => (unconfirmedShortPage !== undefined && unconfirmedShortPage < size ? unconfirmedShortPage : size);
      const outcome = await listing.loadNext({ limit: size, confirmShortPage: true, nextLimit });
      if (outcome === 'busy') {
        continue;
      }
      options.onLoaded(listing.servers.length);
      if (outcome === 'failed' && listing.lastError?.kind === 'throttled' && rejections < MAX_REJECTION_WAITS) {
        rejections++;
        options.log?.(`SCP's firewall rejected a request: Load All waits until it lets requests through, then asks for the same page again (wait ${rejections} of ${MAX_REJECTION_WAITS}).`);
        try {
          await options.limiter.waitOutRejection(options.signal, options.onWaiting);
        } catch {
          return 'stale';
        }
        continue;
      }
      if (outcome !== 'loaded' || !listing.lastPage) {
        return outcome;
      }
      rejections = 0;
      const { asked, received } = listing.lastPage;
      if (unconfirmedShortPage !== undefined && received > 0 && unconfirmedShortPage < size) {
        options.log?.(
          `SCP answered ${unconfirmedShortPage} servers when asked for ${size}, and more came after them: it caps the page size. Load All continues with pages of ${unconfirmedShortPage}.`,
        );
        size = unconfirmedShortPage;
      }
      unconfirmedShortPage = received < Math.min(asked, size) ? received : undefined;
    }
  } finally {
    options.signal.removeEventListener('abort', cancel);
  }
}
