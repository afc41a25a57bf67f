import type { RequestLimiter } from './requestLimiter';
import type { LoadOutcome, ServerListing } from './serverListing';

/** Large pages: few requests per account. */
export const LOAD_ALL_PAGE_SIZE = 1000;
export const MAX_REJECTION_WAITS = 5;

export interface LoadAllOptions {
  pageSize: number;
  limiter: Pick<RequestLimiter, 'waitOutRejection'>;
  signal: AbortSignal;
  isStale?: () => boolean;
  onLoaded: (loaded: number) => void;
  onWaiting?: (secondsLeft: number) => void;
  log?: (message: string) => void;
}

/**
 * SCP's cap on `limit` is not documented (docs/scp-api-facts.md, Listing servers) and a capped page looks like the last
 * one, so a short page ends paging only when the next request comes back empty; if it returns servers, that is the cap.
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
      // Pipelined: the next request goes out as soon as this page's last id is read, while this page is parsed.
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
