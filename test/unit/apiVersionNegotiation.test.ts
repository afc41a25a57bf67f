// `auto` against the emulator: a retired version costs one catalog request and one more list request; an explicit
// version is never changed; the catalog is read once per base URL and never waited for when the version works.
import * as assert from 'node:assert/strict';
import { CatalogCache, type VersionMemory } from '../../src/core/apiVersionNegotiator';
import type { VersionAdvice } from '../../src/core/apiVersions';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor } from '../support/clientFactory';
import { rejection } from '../support/rejection';

const demoKey = { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY };

function memory(): VersionMemory & { saved: Map<string, string> } {
  const saved = new Map<string, string>();
  return { saved, recall: (url) => saved.get(url), remember: (url, version) => void saved.set(url, version) };
}

describe('API version negotiation (against the emulator)', () => {
  let emulator: ScpEmulator;
  let versions: ReturnType<typeof memory>;
  let catalogs: CatalogCache;
  const requests = (): string[] =>
    emulator.requests.map((r) => `${r.path} ${r.apiVersion ?? '-'} ${r.accessKey === undefined ? 'unsigned' : 'signed'} → ${r.status}`);
  const auto = (extra: { onAdvice?: (advice: VersionAdvice) => void; log?: (message: string) => void } = {}) =>
    clientFor(emulator.url, demoKey, { apiVersion: 'auto', versions: { memory: versions, catalogs, ...extra } });

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 30, seed: 2, serverApiVersions: ['virtualserver 1.2', 'virtualserver 1.3'] });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
    emulator.serverApiVersions = ['virtualserver 1.2', 'virtualserver 1.3'];
    versions = memory();
    catalogs = new CatalogCache();
  });

  it('1.1 retired: auto reads the catalog once, retries once with 1.3, and remembers it', async () => {
    const logged: string[] = [];
    const { client } = auto({ log: (message) => logged.push(message) });
    assert.equal(client.apiVersion, 'virtualserver 1.1', 'the first time, the version the seed documents');
    const page = await client.listServers({}, { limit: 10 });
    assert.equal(page.servers.length, 10);
    assert.deepEqual(requests(), [
      '/v1/servers virtualserver 1.1 signed → 406',
      '/ - unsigned → 200',
      '/v1/servers virtualserver 1.3 signed → 200',
    ]);
    assert.equal(client.apiVersion, 'virtualserver 1.3');
    assert.equal(versions.saved.get(emulator.url), 'virtualserver 1.3');
    assert.ok(logged.some((line) => line.includes('Using SCP API version virtualserver 1.3')), logged.join('\n'));

    emulator.clearRequests();
    await client.getServer(page.servers[0].id);
    const next = auto().client;
    assert.equal(next.apiVersion, 'virtualserver 1.3', 'a new connection starts from the remembered version');
    await next.listServers({}, { limit: 1 });
    assert.deepEqual(requests(), ['/v1/servers/{id}'.replace('{id}', page.servers[0].id) + ' virtualserver 1.3 signed → 200', '/v1/servers virtualserver 1.3 signed → 200']);
  });

  it('the 406 body is the errors[] envelope with code NoSuchVersion', async () => {
    const explicit = clientFor(emulator.url, demoKey, { apiVersion: 'virtualserver 1.1' });
    const error = await rejection(explicit.client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'versionUnsupported');
    assert.equal(error.details.code, 'NoSuchVersion');
    assert.equal(error.details.status, 406);
  });

  it('an explicit version is sent as it is and never renegotiated', async () => {
    const explicit = clientFor(emulator.url, demoKey, { apiVersion: 'virtualserver 1.1', versions: { memory: versions, catalogs } });
    const error = await rejection(explicit.client.listServers({}, { limit: 1 }));
    assert.match(error.message, /scpExplorer\.apiVersion/);
    await rejection(explicit.client.listServers({}, { limit: 1 }));
    assert.deepEqual(requests(), ['/v1/servers virtualserver 1.1 signed → 406', '/v1/servers virtualserver 1.1 signed → 406']);
    assert.equal(versions.saved.size, 0);
  });

  it('catalog unreachable: the 406 is reported as before, after one catalog request and no second list request', async () => {
    emulator.faults.catalogUnavailable = true;
    const logged: string[] = [];
    const error = await rejection(auto({ log: (message) => logged.push(message) }).client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'versionUnsupported');
    assert.match(error.message, /virtualserver 1\.1/);
    assert.deepEqual(requests(), ['/v1/servers virtualserver 1.1 signed → 406', '/ - unsigned → 404']);
    assert.ok(logged.some((line) => line.includes('could not be read')));
    assert.equal(versions.saved.size, 0);
  });

  it('a catalog without a usable version: the 406 as before', async () => {
    versions.remember(emulator.url, 'virtualserver 1.3');
    emulator.serverApiVersions = ['virtualserver 1.2'];
    catalogs = new CatalogCache();
    const first = auto().client;
    await first.listServers({}, { limit: 1 });
    assert.equal(first.apiVersion, 'virtualserver 1.2', 'moved down to the one version served');
    emulator.clearRequests();
    emulator.serverApiVersions = [];
    const error = await rejection(auto().client.listServers({}, { limit: 1 }));
    assert.equal(error.kind, 'versionUnsupported');
    assert.deepEqual(requests(), ['/v1/servers virtualserver 1.2 signed → 406'], 'the catalog of this session is not read again');
  });

  it('requests that meet the 406 together share one catalog request', async () => {
    const { client } = auto();
    const [page, server] = await Promise.all([client.listServers({}, { limit: 2 }), client.getServer(emulator.servers[0].id)]);
    assert.equal(page.servers.length, 2);
    assert.equal(server.id, emulator.servers[0].id);
    assert.equal(emulator.requests.filter((r) => r.path === '/').length, 1);
  });

  it('a deprecated version that still works: the page first, then the catalog in the background, and advice once', async () => {
    emulator.serverApiVersions = ['virtualserver 1.1', 'virtualserver 1.2', 'virtualserver 1.3'];
    const advice: VersionAdvice[] = [];
    const { client } = auto({ onAdvice: (given) => advice.push(given) });
    await client.listServers({}, { limit: 1 });
    assert.equal(emulator.requests[0].path, '/v1/servers', 'the first request is the page, not the catalog');
    for (let turns = 0; advice.length === 0 && turns < 500; turns++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await client.listServers({}, { limit: 1 });
    assert.deepEqual(advice, [{ inUse: 'virtualserver 1.1', suggested: 'virtualserver 1.3', deprecated: true, notBefore: '2026-05-31' }]);
    assert.deepEqual(
      emulator.requests.map((r) => r.path),
      ['/v1/servers', '/', '/v1/servers'],
    );
  });

  it('the newest version in use: no catalog request at all', async () => {
    const advice: VersionAdvice[] = [];
    const explicit = clientFor(emulator.url, demoKey, { apiVersion: 'virtualserver 1.3', versions: { memory: versions, catalogs, onAdvice: (given) => advice.push(given) } });
    await explicit.client.listServers({}, { limit: 1 });
    await explicit.client.listServers({}, { limit: 1 });
    assert.deepEqual(emulator.requests.map((r) => r.path), ['/v1/servers', '/v1/servers']);
    assert.deepEqual(advice, []);
  });
});
