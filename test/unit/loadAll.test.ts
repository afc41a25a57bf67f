// Load All's paging (src/core/loadAll.ts) with the real client, limiter and listing against the emulator. The
// client's clock is virtual (test/support/fakeClock.ts): the 60 s firewall waits are asserted, not sat through.
import * as assert from 'node:assert/strict';
import { LOAD_ALL_PAGE_SIZE, MAX_REJECTION_WAITS, loadAllPages, type LoadAllOptions } from '../../src/core/loadAll';
import { ServerListing } from '../../src/core/serverListing';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor, type TestClient } from '../support/clientFactory';

describe('Load All paging (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: ScpEmulator;
  let test: TestClient;
  let listing: ServerListing;
  let logged: string[];
  let waits: number[];
  let counts: number[];

  const listRequests = () => emulator.requests.filter((r) => r.path === '/v1/servers');
  const asked = (): string[] => listRequests().map((r) => r.query.find(([key]) => key === 'limit')?.[1] ?? '');
  const options = (signal: AbortSignal = new AbortController().signal): LoadAllOptions => ({
    pageSize: 50,
    limiter: test.limiter,
    signal,
    onLoaded: (loaded) => counts.push(loaded),
    onWaiting: (seconds) => waits.push(seconds),
    log: (message) => logged.push(message),
  });

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 2600, seed: 8 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(async () => {
    emulator.resetFaults();
    test = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    listing = new ServerListing((page, signal, hooks) => test.client.listServers({}, page, { signal, ...hooks }), 50);
    logged = [];
    waits = [];
    counts = [];
    await listing.loadNext();
    emulator.clearRequests();
  });

  it('asks for pages of 1000, and takes a short page as the last only when the next one comes back empty', async () => {
    assert.equal(await loadAllPages(listing, options()), 'complete');
    assert.deepEqual(asked(), ['1000', '1000', '1000', '1000']);
    const confirming = listRequests()[3];
    assert.equal(confirming.query.find(([key]) => key === 'marker')?.[1], listing.servers[2599].id, 'the marker is the last id of the short page');
    assert.deepEqual(counts, [1050, 2050, 2600, 2600]);
    assert.equal(new Set(listing.servers.map((server) => server.id)).size, 2600);
    assert.equal(LOAD_ALL_PAGE_SIZE, 1000);
  });

  it('a pageSize setting above 1000 is used as it is', async () => {
    assert.equal(await loadAllPages(listing, { ...options(), pageSize: 2000 }), 'complete');
    assert.deepEqual(asked(), ['2000', '2000', '2000']);
  });

  it('a service that caps limit: the short page is not the last; Load All continues with the size it gave, and logs it', async () => {
    emulator.faults.limitCap = 300;
    assert.equal(await loadAllPages(listing, options()), 'complete');
    const ids = listing.servers.map((server) => server.id);
    assert.equal(ids.length, 2600);
    assert.equal(new Set(ids).size, 2600);
    // 1000 (capped to 300), 1000 again (300 more: the cap is found), then pages of 300, the last one short (50)
    // and confirmed by an empty one.
    assert.deepEqual(asked(), ['1000', '1000', '300', '300', '300', '300', '300', '300', '300', '300']);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /caps the page size.*pages of 300/);
  });

  it('a 417 mid-way: waits out the firewall, counting down, then asks for the same page again and finishes', async () => {
    emulator.faults.failEvery = { n: 2, status: 417, count: 1, path: '/v1/servers' };
    assert.equal(await loadAllPages(listing, options()), 'complete');
    assert.equal(listing.lastError, undefined, 'no error left for the tree to show');
    assert.equal(new Set(listing.servers.map((server) => server.id)).size, 2600);
    assert.deepEqual(listRequests().map((r) => r.status), [200, 417, 200, 200, 200]);
    const [rejected, retried] = [listRequests()[1], listRequests()[2]];
    assert.equal(retried.rawTarget, rejected.rawTarget, 'the same page again');
    assert.deepEqual(waits, Array.from({ length: 60 }, (_, i) => 60 - i), 'a countdown from 60 s, once a second');
    assert.equal(logged.filter((line) => line.includes('firewall rejected a request')).length, 1);
  });

  it('cancelled during the wait: stops at once, keeping what is loaded and the way to load more', async () => {
    emulator.faults.failEvery = { n: 1, status: 417, count: 1, path: '/v1/servers' };
    const cancel = new AbortController();
    const outcome = await loadAllPages(listing, { ...options(cancel.signal), onWaiting: (seconds) => seconds === 42 && cancel.abort() });
    assert.equal(outcome, 'stale');
    assert.equal(listRequests().length, 1);
    assert.equal(listing.servers.length, 50);
    assert.equal(listing.hasMore, true);
  });

  it('a firewall that keeps rejecting: after five waits the 417 is reported', async () => {
    emulator.faults.failEvery = { n: 1, status: 417, path: '/v1/servers' };
    assert.equal(await loadAllPages(listing, options()), 'failed');
    assert.equal(listing.lastError?.kind, 'throttled');
    assert.equal(listRequests().length, MAX_REJECTION_WAITS + 1);
    assert.equal(listing.servers.length, 50, 'what was loaded stays');
  });
});
