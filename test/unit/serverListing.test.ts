import * as assert from 'node:assert/strict';
import { ServerListing, type PageSource } from '../../src/core/serverListing';
import { ScpError } from '../../src/core/scpError';
import type { PageRequest, ServerPage } from '../../src/core/serverModel';
import { makeServer } from '../support/serverFixtures';

/** A page source over an in-memory list, recording every request; `gate` holds answers back until released. */
function pagesOf(ids: string[]) {
  const requests: PageRequest[] = [];
  let failNext: ScpError | undefined;
  let gate: Promise<void> | undefined;
  const source: PageSource = async (page) => {
    requests.push(page);
    await gate;
    if (failNext) {
      const error = failNext;
      failNext = undefined;
      throw error;
    }
    const start = page.marker ? ids.indexOf(page.marker) + 1 : 0;
    const slice = ids.slice(start, start + page.limit);
    const result: ServerPage = {
      servers: slice.map((id) => makeServer(id)),
      nextMarker: slice.length === page.limit ? slice[slice.length - 1] : undefined,
    };
    return result;
  };
  return {
    source,
    requests,
    fail(error: ScpError) {
      failNext = error;
    },
    hold(): () => void {
      let release = (): void => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const ids = (listing: ServerListing): string[] => listing.servers.map((server) => server.id);

describe('ServerListing (paging state)', () => {
  it('pages with the last id as marker until a short page', async () => {
    const pages = pagesOf(['a', 'b', 'c', 'd', 'e']);
    const listing = new ServerListing(pages.source, 2);
    assert.equal(await listing.loadNext(), 'loaded');
    assert.equal(listing.hasMore, true);
    assert.equal(await listing.loadNext(), 'loaded');
    assert.equal(await listing.loadNext(), 'complete');
    assert.equal(await listing.loadNext(), 'complete');
    assert.deepEqual(ids(listing), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(pages.requests, [{ limit: 2, marker: undefined }, { limit: 2, marker: 'b' }, { limit: 2, marker: 'd' }]);
    assert.equal(listing.hasMore, false);
  });

  it('answers busy to a second call while a page loads, sending nothing', async () => {
    const pages = pagesOf(['a', 'b', 'c']);
    const listing = new ServerListing(pages.source, 2);
    const release = pages.hold();
    const first = listing.loadNext();
    assert.equal(await listing.loadNext(), 'busy');
    release();
    assert.equal(await first, 'loaded');
    assert.equal(pages.requests.length, 1);
  });

  it('keeps loaded servers when a page fails, and retries the same marker', async () => {
    const pages = pagesOf(['a', 'b', 'c', 'd']);
    const listing = new ServerListing(pages.source, 2);
    await listing.loadNext();
    pages.fail(new ScpError('server', 'boom'));
    assert.equal(await listing.loadNext(), 'failed');
    assert.equal(listing.lastError?.kind, 'server');
    assert.deepEqual(ids(listing), ['a', 'b']);
    assert.equal(await listing.loadNext(), 'loaded');
    assert.equal(listing.lastError, undefined);
    assert.deepEqual(pages.requests.map((r) => r.marker), [undefined, 'b', 'b']);
  });

  it('drops an answer that arrives after a restart, and keeps old servers until the new first page', async () => {
    const pages = pagesOf(['a', 'b', 'c', 'd']);
    const listing = new ServerListing(pages.source, 2);
    await listing.loadNext();
    const release = pages.hold();
    const stale = listing.loadNext();
    listing.restart();
    assert.deepEqual(ids(listing), ['a', 'b'], 'still shown while reloading');
    release();
    assert.equal(await stale, 'stale');
    assert.deepEqual(ids(listing), ['a', 'b']);
    assert.equal(await listing.loadNext(), 'loaded');
    assert.deepEqual(ids(listing), ['a', 'b'], 'replaced by the new first page, not appended');
    assert.equal(await listing.loadNext(), 'loaded');
    assert.deepEqual(ids(listing), ['a', 'b', 'c', 'd']);
  });

  it('keeps the old list when the first page after a restart fails', async () => {
    const pages = pagesOf(['a', 'b', 'c']);
    const listing = new ServerListing(pages.source, 2);
    await listing.loadNext();
    listing.restart();
    pages.fail(new ScpError('auth', 'no'));
    assert.equal(await listing.loadNext(), 'failed');
    assert.deepEqual(ids(listing), ['a', 'b']);
    assert.equal(listing.hasMore, false, 'no Load more from a stale list');
  });

  it('shows a server repeated on two pages once', async () => {
    let call = 0;
    const source: PageSource = async () => {
      call++;
      return call === 1
        ? { servers: [makeServer('a'), makeServer('b')], nextMarker: 'b' }
        : { servers: [makeServer('b'), makeServer('c')], nextMarker: undefined };
    };
    const listing = new ServerListing(source, 2);
    await listing.loadNext();
    await listing.loadNext();
    assert.deepEqual(ids(listing), ['a', 'b', 'c']);
  });

  it('stops when the marker loops instead of paging forever', async () => {
    const source: PageSource = async () => ({ servers: [makeServer('a'), makeServer('b')], nextMarker: 'b' });
    const listing = new ServerListing(source, 2);
    assert.equal(await listing.loadNext(), 'loaded');
    assert.equal(await listing.loadNext(), 'complete');
    assert.equal(listing.lastError?.kind, 'badResponse');
    assert.match(listing.lastError?.message ?? '', /same page/);
    assert.deepEqual(ids(listing), ['a', 'b']);
  });

  it('cancelInFlight aborts the request and the next load asks for the same page', async () => {
    const pages = pagesOf(['a', 'b', 'c', 'd']);
    let aborted = false;
    const listing = new ServerListing(async (page, signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return pages.source(page, signal);
    }, 2);
    await listing.loadNext();
    const release = pages.hold();
    const cancelled = listing.loadNext();
    listing.cancelInFlight();
    release();
    assert.equal(await cancelled, 'stale');
    assert.equal(aborted, true);
    assert.equal(await listing.loadNext(), 'loaded');
    assert.deepEqual(pages.requests.map((r) => r.marker), [undefined, 'b', 'b']);
  });
});
