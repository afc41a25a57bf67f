// The explorer model without VS Code: a real client against the real emulator, through the model's own API.
import * as assert from 'node:assert/strict';
import { Connection } from '../../src/core/connection';
import { ExplorerModel, type ConnectionState, type ViewState } from '../../src/core/explorerModel';
import { ScpError } from '../../src/core/scpError';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor } from '../support/clientFactory';

describe('ExplorerModel (against the emulator)', () => {
  let emulator: ScpEmulator;
  const models: ExplorerModel[] = [];

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 120, seed: 3 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
  });
  afterEach(() => models.splice(0).forEach((model) => model.dispose()));

  const connected = (): ConnectionState => ({
    kind: 'connected',
    connection: new Connection(clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY }).client, 'secretStorage', 'emulator', () => undefined),
  });
  const newModel = (connect: () => Promise<ConnectionState> = async () => connected(), pageSize = 50): ExplorerModel => {
    const model = new ExplorerModel({ connect, filters: {}, pageSize, vpcNamesGraceMs: 0 });
    models.push(model);
    return model;
  };
  const count = (path: string): number => emulator.requests.filter((request) => request.path === path).length;

  it('connects on start, loads the first page and the VPC names, and fires one kind of change event', async () => {
    const model = newModel();
    const states: ViewState[] = [];
    model.onDidChange(() => states.push(model.viewState));
    await model.start();
    await model.start();
    assert.equal(model.servers.length, 50);
    assert.equal(model.hasMore, true);
    assert.equal(model.viewState, 'loaded');
    assert.equal(states.at(-1), 'loaded');
    assert.ok(states.includes('loading'), 'the page load is seen as loading first');
    assert.equal(count('/v1/servers'), 1, 'start twice still sends one list request');
    assert.equal(count('/v1/vpcs'), 1);
    assert.ok(model.knownVpcNames.size > 0);
  });

  it('pages to the end with loadAll and reports the count after each page', async () => {
    const model = newModel();
    const counts: number[] = [];
    assert.equal(await model.loadAll((loaded) => counts.push(loaded), new AbortController().signal), 'complete');
    // Page one (50), then Load All's page of 1000 brings the other 70; that short page is confirmed by an empty one.
    assert.deepEqual(counts, [120, 120]);
    const limits = emulator.requests.filter((request) => request.path === '/v1/servers').map((request) => request.query.find(([key]) => key === 'limit')?.[1]);
    assert.deepEqual(limits, ['50', '1000', '1000']);
    assert.equal(new Set(model.servers.map((server) => server.id)).size, 120);
    assert.equal(model.hasMore, false);
  });

  it('shows signed-out and misconfigured states without sending anything', async () => {
    const signedOut = newModel(async () => ({ kind: 'signedOut' }));
    await signedOut.start();
    assert.equal(signedOut.viewState, 'signedOut');
    const error = new ScpError('config', 'The endpoint must start with https://.');
    const misconfigured = newModel(async () => ({ kind: 'misconfigured', error }));
    await misconfigured.start();
    assert.equal(misconfigured.viewState, 'misconfigured');
    assert.equal(misconfigured.lastError, error);
    await assert.rejects(misconfigured.requireConnection(), (thrown) => thrown === error);
    assert.equal(emulator.requests.length, 0);
  });

  it('a reconnect while an older connect is still reading keys lets only the newer connection in', async () => {
    let releaseOld = (): void => undefined;
    const oldKeys = new Promise<void>((resolve) => (releaseOld = resolve));
    let calls = 0;
    const model = newModel(async () => {
      calls++;
      if (calls === 1) {
        await oldKeys;
        return { kind: 'misconfigured', error: new ScpError('config', 'old settings') };
      }
      return connected();
    });
    const first = model.start();
    model.reconnect();
    const second = model.start();
    releaseOld();
    await Promise.all([first, second]);
    assert.equal(model.viewState, 'loaded', 'the older, slower connect did not win');
    assert.equal(model.configError, undefined);
    assert.equal(calls, 2);
  });

  it('a failed VPC-name fetch is asked again on Refresh, a successful one is not', async () => {
    emulator.faults.failEvery = { n: 1, status: 503, path: '/v1/vpcs', count: 4 };
    const model = newModel();
    await model.start();
    assert.equal(model.knownVpcNames.size, 0, 'ids while the VPC API fails');
    emulator.resetFaults();
    emulator.clearRequests();
    await model.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(count('/v1/vpcs'), 1, 'the failed fetch was not kept');
    assert.ok(model.knownVpcNames.size > 0);
    emulator.clearRequests();
    await model.refresh();
    assert.equal(count('/v1/vpcs'), 0, 'names that arrived are kept for the connection');
    assert.equal(count('/v1/servers'), 1);
  });

  it('a failed page keeps the loaded servers and reports failed; retry asks for the same page', async () => {
    const model = newModel();
    await model.start();
    emulator.faults.failEvery = { n: 1, status: 500, path: '/v1/servers' };
    assert.equal(await model.loadMore(), 'failed');
    assert.equal(model.viewState, 'failed');
    assert.equal(model.servers.length, 50);
    assert.equal(model.lastError?.kind, 'server');
    emulator.resetFaults();
    emulator.clearRequests();
    assert.equal(await model.retry(), 'loaded');
    assert.equal(model.servers.length, 100);
    assert.equal(emulator.requests[0].query.find(([key]) => key === 'marker')?.[1], model.servers[49].id);
  });

  it('a new query or page size starts from page one on the same connection', async () => {
    const model = newModel();
    await model.start();
    emulator.clearRequests();
    await model.setQuery({ state: 'ACTIVE' });
    assert.ok(model.servers.every((server) => server.state === 'ACTIVE'));
    assert.equal(model.setPageSize(50), undefined, 'the same size changes nothing');
    await model.setPageSize(10);
    assert.equal(model.servers.length, 10);
    assert.equal(count('/v1/vpcs'), 0);
    assert.deepEqual(
      emulator.requests.map((request) => request.query.filter(([key]) => key !== 'sort')),
      [
        [['limit', '50'], ['state', 'ACTIVE']],
        [['limit', '10'], ['state', 'ACTIVE']],
      ],
    );
  });

  it('applies a fresh copy of a server in place and removes a gone one, without a request', async () => {
    const model = newModel();
    await model.start();
    emulator.clearRequests();
    const target = model.servers[7];
    let changes = 0;
    model.onDidChange(() => changes++);
    assert.equal(model.applyServer({ ...target, state: 'SHUTOFF' }), true);
    assert.equal(model.servers[7].state, 'SHUTOFF');
    assert.equal(model.servers.length, 50);
    assert.equal(model.applyServer({ ...target, id: 'not-loaded' }), false);
    assert.equal(model.removeServer(target.id), true);
    assert.equal(model.servers.length, 49);
    assert.ok(!model.servers.some((server) => server.id === target.id));
    assert.equal(changes, 2);
    assert.equal(emulator.requests.length, 0);
  });
});
