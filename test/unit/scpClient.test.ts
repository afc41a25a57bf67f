// The real client (axios, Go-style query, signing, retries) against the emulator over real HTTP on 127.0.0.1.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScpError } from '../../src/core/scpError';
import type { Server, ServerFilters } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor, type TestClient } from '../support/clientFactory';

const demoKey = { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY };

async function rejection(promise: Promise<unknown>): Promise<ScpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ScpError, `expected an ScpError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

async function pageToEnd(test: TestClient, filters: ServerFilters, limit: number): Promise<Server[]> {
  const all: Server[] = [];
  let marker: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await test.client.listServers(filters, { limit, marker });
    all.push(...page.servers);
    if (!page.nextMarker) {
      return all;
    }
    marker = page.nextMarker;
  }
  assert.fail('paging did not end');
}

describe('SCP client against the emulator', function () {
  this.timeout(30_000);
  let emulator: ScpEmulator;
  let test: TestClient;

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 300, seed: 11 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
    test = clientFor(emulator.url, demoKey);
  });

  it('sends on the wire byte-for-byte the URL it signed (raw request line)', async () => {
    const filters: ServerFilters = {
      name: '웹 a+b&c%',
      ip: '10.0.',
      product_offering: ['virtual_server', 'gpu_server'],
      sort: 'name:asc,created_at:desc',
    };
    await test.client.listServers(filters, { limit: 5 });
    assert.equal(emulator.requests.length, 1);
    const request = emulator.requests[0];
    assert.equal(request.status, 200, 'the emulator verified the signature over the raw target');
    assert.equal(`${emulator.url}${request.rawTarget}`, test.sent[0]);
    assert.equal(
      request.rawTarget,
      '/v1/servers?ip=10.0.&limit=5&name=%EC%9B%B9+a%2Bb%26c%25&product_offering=virtual_server&product_offering=gpu_server&sort=name%3Aasc%2Ccreated_at%3Adesc',
    );
  });

  it('sends the version, language, accept and client headers', async () => {
    await test.client.listServers({}, { limit: 1 });
    const request = emulator.requests[0];
    assert.equal(request.apiVersion, 'virtualserver 1.1');
    assert.equal(request.accessKey, DEMO_ACCESS_KEY);
  });

  const filterCases: [string, ServerFilters, (server: Server) => boolean][] = [
    ['state', { state: 'SHUTOFF' }, (s) => s.state === 'SHUTOFF'],
    ['product_category', { product_category: 'container' }, (s) => s.product_category === 'container'],
    ['product_offering (two values)', { product_offering: ['gpu_server', 'k8s_vm'] }, (s) => ['gpu_server', 'k8s_vm'].includes(s.product_offering ?? '')],
    ['server_type_id', { server_type_id: 's1v2m4' }, (s) => s.server_type.id === 's1v2m4'],
    ['name (substring, case-insensitive)', { name: 'WEB' }, (s) => s.name.toLowerCase().includes('web')],
  ];
  for (const [what, filters, matches] of filterCases) {
    it(`filters by ${what} on the server`, async () => {
      const got = await pageToEnd(test, filters, 1000);
      const expected = emulator.servers.filter(matches).map((s) => s.id).sort();
      assert.ok(expected.length > 0, 'the dataset has matching servers');
      assert.deepEqual(got.map((s) => s.id).sort(), expected);
    });
  }

  it('filters by vpc_id and auto_scaling_group_id', async () => {
    const vpcId = emulator.servers.find((s) => s.vpc_id)?.vpc_id ?? '';
    const byVpc = await pageToEnd(test, { vpc_id: vpcId }, 1000);
    assert.deepEqual(byVpc.map((s) => s.id).sort(), emulator.servers.filter((s) => s.vpc_id === vpcId).map((s) => s.id).sort());
    const asg = emulator.servers.find((s) => s.auto_scaling_group_id)?.auto_scaling_group_id ?? '';
    const byAsg = await pageToEnd(test, { auto_scaling_group_id: asg }, 1000);
    assert.ok(byAsg.length > 0);
    assert.ok(byAsg.every((s) => s.auto_scaling_group_id === asg));
  });

  it('pages to the end with no duplicate and no gap, in the sort order', async () => {
    const paged = await pageToEnd(test, { sort: 'name:asc' }, 7);
    const whole = await test.client.listServers({ sort: 'name:asc' }, { limit: 1000 });
    assert.equal(paged.length, emulator.servers.length);
    assert.deepEqual(paged.map((s) => s.id), whole.servers.map((s) => s.id));
    assert.equal(whole.nextMarker, undefined, 'a short page is the last');
    const markers = emulator.requests.filter((r) => r.path === '/v1/servers').map((r) => r.query.find(([k]) => k === 'marker')?.[1]);
    assert.equal(markers[0], undefined);
    assert.equal(markers[1], paged[6].id);
  });

  it('gets one server and lists every VPC', async () => {
    const target = emulator.servers[3];
    const server = await test.client.getServer(target.id);
    assert.equal(server.id, target.id);
    assert.equal(server.name, target.name);
    const vpcs = await test.client.listVpcs();
    assert.deepEqual(vpcs.map((v) => v.id).sort(), emulator.vpcs.map((v) => v.id).sort());
    assert.equal(emulator.requests.find((r) => r.path === '/v1/vpcs')?.apiVersion, 'vpc 1.1');
  });

  describe('errors', () => {
    it('auth: a wrong secret is rejected, and the message mentions keys and clock', async () => {
      const wrong = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: 'not-the-secret' });
      const error = await rejection(wrong.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'auth');
      assert.match(error.message, /clock/);
      assert.equal(emulator.requests.length, 1, 'auth failures are not retried');
    });

    it('badRequest: an unknown sort key is a 400 with the API detail, not retried', async () => {
      const error = await rejection(test.client.listServers({ sort: 'color:asc' }, { limit: 1 }));
      assert.equal(error.kind, 'badRequest');
      assert.equal(error.details.status, 400);
      assert.equal(emulator.requests.length, 1);
    });

    it('badRequest: an unknown marker', async () => {
      const error = await rejection(test.client.listServers({}, { limit: 1, marker: 'no-such-id' }));
      assert.equal(error.kind, 'badRequest');
    });

    it('notFound: a server id that does not exist', async () => {
      const error = await rejection(test.client.getServer('00000000-0000-0000-0000-000000000000'));
      assert.equal(error.kind, 'notFound');
    });

    it('versionUnsupported: 406 names the setting', async () => {
      const old = clientFor(emulator.url, demoKey, { apiVersion: 'virtualserver 0.9' });
      const error = await rejection(old.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'versionUnsupported');
      assert.match(error.message, /scpExplorer\.apiVersion/);
    });

    it('forbidden: 403 is not retried', async () => {
      emulator.faults.failEvery = { n: 1, status: 403 };
      const error = await rejection(test.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'forbidden');
      assert.equal(emulator.requests.length, 1);
    });

    it('throttled: 417 HTML is retried with backoff, then reported', async () => {
      emulator.faults.failEvery = { n: 1, status: 417, body: 'html' };
      const error = await rejection(test.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'throttled');
      assert.equal(emulator.requests.length, 4, 'first attempt and 3 retries');
      assert.match(error.message, /3 retries/);
    });

    it('429 honours Retry-After and then succeeds', async () => {
      emulator.faults.failEvery = { n: 1, status: 429, retryAfterSeconds: 1, count: 1 };
      const started = Date.now();
      const page = await test.client.listServers({}, { limit: 2 });
      assert.equal(page.servers.length, 2);
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
      assert.equal(emulator.requests.length, 2);
      assert.equal(test.records[0].status, 429);
      assert.equal(test.records[1].retries, 1);
    });

    it('server: 503 is retried and recovers; 500 is reported at once', async () => {
      emulator.faults.failEvery = { n: 1, status: 503, count: 2 };
      const page = await test.client.listServers({}, { limit: 2 });
      assert.equal(page.servers.length, 2);
      assert.equal(emulator.requests.length, 3);
      emulator.resetFaults();
      emulator.clearRequests();
      emulator.faults.failEvery = { n: 1, status: 500 };
      const error = await rejection(test.client.listServers({}, { limit: 2 }));
      assert.equal(error.kind, 'server');
      assert.equal(emulator.requests.length, 1);
    });

    it('timeout: a slow answer ends in a timeout error', async () => {
      emulator.faults.latencyMs = 1000;
      const impatient = clientFor(emulator.url, demoKey, { timeoutMs: 200, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10, maxTotalMs: 5000 } });
      const error = await rejection(impatient.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /requestTimeoutSeconds/);
    });

    it('cancelled: an aborted signal ends the call at once without retries', async () => {
      emulator.faults.latencyMs = 2000;
      const controller = new AbortController();
      const call = test.client.listServers({}, { limit: 1 }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const error = await rejection(call);
      assert.equal(error.kind, 'cancelled');
      assert.ok(Date.now() - started < 1000);
    });

    it('network: connection refused is retried, then reported with the host', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const refused = clientFor(`http://127.0.0.1:${port}`, demoKey);
      const error = await rejection(refused.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'network');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.match(error.message, /refused/);
      assert.equal(refused.records.length, 4);
    });

    it('badResponse: malformed JSON, a 200 that is not JSON, a body without servers', async () => {
      emulator.faults.malformedJson = true;
      assert.equal((await rejection(test.client.listServers({}, { limit: 1 }))).kind, 'badResponse');
      emulator.resetFaults();
      emulator.faults.notJson = true;
      assert.equal((await rejection(test.client.listServers({}, { limit: 1 }))).kind, 'badResponse');
      emulator.resetFaults();
      emulator.faults.missingServersKey = true;
      const error = await rejection(test.client.listServers({}, { limit: 1 }));
      assert.equal(error.kind, 'badResponse');
      assert.match(error.message, /servers/);
    });

    it('a connection reset mid-body is a network error after retries', async () => {
      emulator.faults.resetMidBody = true;
      const error = await rejection(test.client.listServers({}, { limit: 5 }));
      assert.ok(['network', 'badResponse'].includes(error.kind), error.kind);
      assert.equal(emulator.requests.length, 4, 'retried');
    });

    it('never puts the secret or a signature into a log record or a message', async () => {
      emulator.faults.failEvery = { n: 2, status: 401 };
      await test.client.listServers({}, { limit: 1 });
      const error = await rejection(test.client.listServers({}, { limit: 1 }));
      const text = JSON.stringify(test.records) + error.message + JSON.stringify(error.details) + JSON.stringify(emulator.requests);
      assert.ok(!text.includes(DEMO_SECRET_KEY));
      // An HMAC-SHA256 signature in Base64 is 43 characters and one '='.
      assert.doesNotMatch(text, /[A-Za-z0-9+/]{43}=/);
    });
  });
});
