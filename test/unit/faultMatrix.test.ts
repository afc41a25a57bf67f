// The fault matrix of issue 5, fast tier: every failure the SCP API or the network can produce, against the emulator
// over real HTTP, ends in a typed error with an actionable message, bounded retries, and a log without secrets.
// README "Troubleshooting" names these tests row by row.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerListing } from '../../src/core/serverListing';
import type { Server } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor, type TestClient } from '../support/clientFactory';
import { rejection } from '../support/rejection';
import { makeServer } from '../support/serverFixtures';

const demoKey = { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY };
const RETRY = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 };

describe('fault matrix (client against the emulator)', function () {
  this.timeout(30_000);
  let emulator: ScpEmulator;
  let test: TestClient;
  const listRequests = (): number => emulator.requests.filter((r) => r.path === '/v1/servers').length;

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 120, seed: 5 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
    test = clientFor(emulator.url, demoKey, { retry: RETRY });
  });
  afterEach(() => {
    // Whatever happened, nothing secret reached the log records.
    const logged = JSON.stringify(test.records);
    assert.ok(!logged.includes(DEMO_SECRET_KEY), 'the secret key is not logged');
    assert.doesNotMatch(logged, /[A-Za-z0-9+/]{43}=/, 'no signature is logged');
  });

  it('400 errors[] with detail as an array: badRequest with the details, not retried', async () => {
    const error = await rejection(test.client.listServers({ sort: 'color:asc' }, { limit: 1 }));
    assert.equal(error.kind, 'badRequest');
    assert.match(error.message, /color/);
    assert.match(error.message, /Check the filters/);
    assert.equal(listRequests(), 1);
  });

  it('400 errors[] with detail as a string: the same, read from the string', async () => {
    emulator.faults.failEvery = { n: 1, status: 400, body: 'errorsDetailString' };
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'badRequest');
    assert.ok(error.message.length > 40, error.message);
    assert.equal(listRequests(), 1);
  });

  it('401: auth error naming the keys and the clock, not retried', async () => {
    emulator.faults.failEvery = { n: 1, status: 401 };
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /secret key/);
    assert.match(error.message, /clock/);
    assert.equal(listRequests(), 1);
  });

  it('403 (IAM permission): forbidden, naming the permission fix, not retried', async () => {
    emulator.faults.failEvery = { n: 1, status: 403 };
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /IAM permission/);
    assert.equal(listRequests(), 1);
  });

  it('404 Spring-style body on bad auth: read as an auth failure', async () => {
    const gateway = new ScpEmulator({ serverCount: 3, authFailure: 'spring404' });
    await gateway.start();
    try {
      const wrong = clientFor(gateway.url, { accessKey: DEMO_ACCESS_KEY, secretKey: 'wrong' }, { retry: RETRY });
      const error = await rejection(wrong.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'auth');
      assert.equal(error.details.status, 404);
      assert.match(error.message, /signature/);
      assert.equal(gateway.requests.length, 1);
    } finally {
      await gateway.stop();
    }
  });

  it('406 NoSuchVersion: names the scpExplorer.apiVersion setting', async () => {
    const old = clientFor(emulator.url, demoKey, { apiVersion: 'virtualserver 9.9', retry: RETRY });
    const error = await rejection(old.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'versionUnsupported');
    assert.equal(error.details.code, 'NoSuchVersion');
    assert.match(error.message, /scpExplorer\.apiVersion/);
  });

  it('417 WAF HTML page: not retried at once; the limiter holds the next request back for the window', async () => {
    emulator.faults.failEvery = { n: 1, status: 417, body: 'html', count: 1 };
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'throttled');
    assert.match(error.message, /firewall/);
    assert.equal(listRequests(), 1, 'a quick retry would only extend the block');
    assert.equal(test.limiter.blockedForMs(), 60_000);
    const page = await test.client.listServers({}, { limit: 1 });
    assert.equal(page.servers.length, 1);
    assert.deepEqual(test.clock.sleeps, [60_000], 'the next request waited out the window');
  });

  it('429 with Retry-After: the wait is honoured, then the call succeeds', async () => {
    emulator.faults.failEvery = { n: 1, status: 429, retryAfterSeconds: 1, count: 1 };
    const page = await test.client.listServers({}, { limit: 2 });
    assert.equal(page.servers.length, 2);
    assert.deepEqual(test.clock.sleeps, [1000], 'waited as long as Retry-After said');
    assert.deepEqual(test.records.map((r) => [r.status, r.retries]), [[429, 0], [200, 1]]);
  });

  it('429 with a Retry-After beyond the retry budget: reported at once as throttled', async () => {
    emulator.faults.failEvery = { n: 1, status: 429, retryAfterSeconds: 3600 };
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'throttled');
    assert.equal(listRequests(), 1);
  });

  it('500: server error with the request id, not retried', async () => {
    emulator.faults.failEvery = { n: 1, status: 500 };
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'server');
    assert.match(error.message, /Request id/);
    assert.equal(listRequests(), 1);
  });

  for (const status of [502, 504]) {
    it(`${status}: retried, then a server error saying retries were made`, async () => {
      emulator.faults.failEvery = { n: 1, status };
      const error = await rejection(test.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'server');
      assert.match(error.message, /gave up after 3 retries/);
      assert.equal(listRequests(), 4);
    });
  }

  it('503 twice: retried and recovers', async () => {
    emulator.faults.failEvery = { n: 1, status: 503, count: 2 };
    const page = await test.client.listServers({}, { limit: 2 });
    assert.equal(page.servers.length, 2);
    assert.equal(listRequests(), 3);
  });

  it('a timeout (a server that never answers): timeout error naming the setting, retries bounded', async () => {
    emulator.faults.hang = true;
    const impatient = clientFor(emulator.url, demoKey, { timeoutMs: 150, retry: { ...RETRY, maxRetries: 1 } });
    const error = await rejection(impatient.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /requestTimeoutSeconds/);
    assert.deepEqual(impatient.records.map((r) => [r.error, r.retries]), [['timeout', 0], ['timeout', 1]]);
    assert.equal(impatient.clock.sleeps.length, 1, 'one backoff between the two attempts');
    test = impatient;
  });

  it('connection refused: network error naming the host, retried', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    test = clientFor(`http://127.0.0.1:${port}`, demoKey, { retry: RETRY });
    const error = await rejection(test.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'network');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}: the connection was refused`));
    assert.equal(test.records.length, 4);
  });

  it('connection reset mid-body: retried, then a network error', async () => {
    emulator.faults.resetMidBody = true;
    const error = await rejection(test.client.listServers({}, { limit: 5 }));
    assert.ok(['network', 'badResponse'].includes(error.kind), error.kind);
    assert.equal(listRequests(), 4);
  });

  it('malformed JSON: badResponse, not retried', async () => {
    emulator.faults.malformedJson = true;
    const error = await rejection(test.client.listServers({}, { limit: 5 }));
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /malformed JSON/);
    assert.equal(listRequests(), 1);
  });

  it('a 200 that is not JSON (a proxy sign-in page): badResponse naming the content type', async () => {
    emulator.faults.notJson = true;
    const error = await rejection(test.client.listServers({}, { limit: 5 }));
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /text\/html/);
  });

  it('a 200 without `servers`: badResponse saying so', async () => {
    emulator.faults.missingServersKey = true;
    const error = await rejection(test.client.listServers({}, { limit: 5 }));
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /"servers"/);
  });

  it('an empty first page: complete, nothing shown, no error', async () => {
    const listing = new ServerListing((page, signal) => test.client.listServers({ name: 'no-server-has-this-name' }, page, { signal }), 50);
    assert.equal(await listing.loadNext(), 'complete');
    assert.equal(listing.servers.length, 0);
    assert.equal(listing.lastError, undefined);
  });

  it('a page longer than limit: every server kept, paging still ends', async () => {
    emulator.faults.oversizePage = true;
    const listing = new ServerListing((page, signal) => test.client.listServers({}, page, { signal }), 10);
    for (let i = 0; i < 50 && !listing.complete; i++) {
      await listing.loadNext();
    }
    assert.equal(listing.complete, true);
    assert.equal(listing.servers.length, emulator.servers.length);
    assert.equal(new Set(listing.servers.map((s) => s.id)).size, emulator.servers.length);
  });

  it('a marker that loops: detected, paging stops and says so', async () => {
    emulator.faults.loopingMarker = true;
    const listing = new ServerListing((page, signal) => test.client.listServers({}, page, { signal }), 10);
    for (let i = 0; i < 50 && !listing.complete; i++) {
      await listing.loadNext();
    }
    assert.equal(listing.complete, true);
    assert.equal(listRequests(), 2, 'the second, repeated page ends it');
    assert.equal(listing.servers.length, 10);
    assert.match(listing.lastError?.message ?? '', /same page/);
  });

  /** A small emulator of its own, for tests that change the data, so the shared one stays as generated. */
  async function withOwnEmulator(work: (own: ScpEmulator, client: TestClient) => Promise<void>): Promise<void> {
    const own = new ScpEmulator({ serverCount: 40, seed: 9 });
    await own.start();
    try {
      test = clientFor(own.url, demoKey, { retry: RETRY });
      await work(own, test);
    } finally {
      await own.stop();
    }
  }

  it('the same server id on two pages: shown once', () =>
    withOwnEmulator(async (own, client) => {
      const listing = new ServerListing((page, signal) => client.client.listServers({ sort: 'name:asc' }, page, { signal }), 10);
      await listing.loadNext();
      // Renamed between two requests, the first page's first server now sorts after the marker and comes again.
      const moved = own.servers.find((s) => s.id === listing.servers[0].id) as Server;
      moved.name = '\uffff-renamed';
      while (!listing.complete) {
        await listing.loadNext();
      }
      const ids = listing.servers.map((s) => s.id);
      assert.equal(ids.filter((id) => id === moved.id).length, 1);
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(ids.length, own.servers.length);
    }));

  it('servers with null or missing optional fields, unknown states and offerings, empty and long names, 20 IPs', () =>
    withOwnEmulator(async (own, client) => {
      const bare = makeServer('odd-1', { addresses: null, security_groups: null, vpc_id: null, image_id: null, product_offering: null });
      delete (bare as Partial<Server>).keypair_name;
      own.servers = [
        bare,
        makeServer('odd-2', { state: 'SOMETHING_NEW', product_offering: 'quantum_server', name: '' }),
        makeServer('odd-3', { name: 'x'.repeat(500) }),
        makeServer('odd-4', {
          addresses: [{ subnet_name: 'many', ip_addresses: Array.from({ length: 20 }, (_, i) => ({ ip_address: `10.9.0.${i + 1}`, version: 4 })) }],
        }),
      ];
      const page = await client.client.listServers({ sort: 'id:asc' }, { limit: 10 });
      assert.deepEqual(page.servers.map((s) => s.id), ['odd-1', 'odd-2', 'odd-3', 'odd-4']);
      assert.equal(page.servers[1].state, 'SOMETHING_NEW');
      assert.equal(page.servers[1].name, '');
      assert.equal(page.servers[2].name.length, 500);
      assert.equal(page.servers[3].addresses?.[0].ip_addresses.length, 20);
    }));
});
