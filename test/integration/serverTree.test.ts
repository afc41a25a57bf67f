// The Virtual Servers tree in a real VS Code, against the local SCP emulator over real HTTP.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testApi';
import type { Server } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import {
  allIds,
  connectTo,
  isLoadMoreRow,
  isMessageRow,
  isServerRow,
  rows,
  setSetting,
  startConnectedEmulator,
  waitFor,
  type ConnectedEmulator,
} from './support/explorerHarness';

const STATE_ORDER = ['ACTIVE', 'BUILD', 'REBUILD', 'REBOOT', 'HARD_REBOOT'];

describe('server tree (against the emulator)', function () {
  this.timeout(120_000);
  let emulator: ScpEmulator;
  let api: ExplorerApi;

  const listRequests = (): number => emulator.requests.filter((r) => r.path === '/v1/servers').length;
  const vpcRequests = (): number => emulator.requests.filter((r) => r.path === '/v1/vpcs').length;
  const vpcName = (id: string | null | undefined): string =>
    !id ? 'No VPC' : (emulator.vpcs.find((vpc) => vpc.id === id)?.name ?? id);

  let connected: ConnectedEmulator;
  before(async () => {
    connected = await startConnectedEmulator({ serverCount: 300, seed: 7 }, { pageSize: 1000, groupBy: 'vpcState' });
    ({ api, emulator } = connected);
  });

  after(() => connected.disconnect());

  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
  });

  it('groups by VPC then state exactly as the dataset says', async () => {
    await api.model.refresh();
    const top = await rows(api);
    // Expected from the dataset, computed here without the extension's grouping code.
    const byVpc = new Map<string, Server[]>();
    for (const server of emulator.servers) {
      const label = vpcName(server.vpc_id);
      byVpc.set(label, [...(byVpc.get(label) ?? []), server]);
    }
    assert.deepEqual(
      top.map((row) => row.label).sort(),
      [...byVpc.keys()].sort(),
    );
    assert.equal(top[top.length - 1].label, 'No VPC', 'servers without a VPC come last');
    assert.equal(api.view.description, `${new URL(emulator.url).host} · key: VS Code`, 'where requests go and the key source');
    for (const vpcRow of top) {
      const expected = byVpc.get(vpcRow.label) ?? [];
      assert.equal(vpcRow.description, String(expected.length), `count of ${vpcRow.label}`);
      const stateRows = await rows(api, vpcRow.node);
      const states = [...new Set(expected.map((s) => s.state))];
      assert.deepEqual(stateRows.map((r) => r.label).sort(), states.sort());
      if (states.includes('ACTIVE')) {
        assert.equal(stateRows[0].label, 'ACTIVE', 'ACTIVE first');
      }
      for (const stateRow of stateRows) {
        const servers = await rows(api, stateRow.node);
        assert.deepEqual(
          servers.map((r) => r.item.id),
          expected.filter((s) => s.state === stateRow.label).map((s) => `server/${s.id}`).sort((a, b) => order(a) - order(b)),
        );
      }
    }

    // Servers keep the API's order (created_at desc) inside a group.
    function order(id: string): number {
      return api.model.servers.findIndex((s) => `server/${s.id}` === id);
    }
  });

  it('groups by state then VPC when the setting says so', async () => {
    await setSetting('groupBy', 'stateVpc');
    try {
      await waitFor(() => api.model.servers.length > 0, 'servers');
      const top = await rows(api);
      const states = [...new Set(emulator.servers.map((s) => s.state))];
      assert.deepEqual(top.map((r) => r.label).sort(), states.sort());
      const known = top.map((r) => r.label).filter((label) => STATE_ORDER.includes(label));
      assert.deepEqual(known, [...known].sort((a, b) => STATE_ORDER.indexOf(a) - STATE_ORDER.indexOf(b)));
      for (const stateRow of top) {
        const vpcRows = await rows(api, stateRow.node);
        const expected = new Set(emulator.servers.filter((s) => s.state === stateRow.label).map((s) => vpcName(s.vpc_id)));
        assert.deepEqual(vpcRows.map((r) => r.label).sort(), [...expected].sort());
      }
      assert.equal(emulator.requests.length, 0, 'regrouping sends no request');
    } finally {
      await setSetting('groupBy', 'vpcState');
    }
  });

  it('first paint makes one list request and at most one VPC request', async () => {
    api.model.reconnect();
    const top = await rows(api);
    assert.ok(top.length > 0);
    assert.equal(listRequests(), 1);
    assert.ok(vpcRequests() <= 1, `VPC requests: ${vpcRequests()}`);
    // Expanding every group sends nothing more.
    await allIds(api);
    assert.equal(listRequests(), 1);
    assert.ok(vpcRequests() <= 1);
  });

  it('does not hold the servers back while the VPC list is slow, and shows names once they come', async () => {
    // Every VPC request fails with a retryable 503 at first: the client keeps retrying for more than a second.
    emulator.faults.failEvery = { n: 1, status: 503, path: '/v1/vpcs', count: 2 };
    api.model.reconnect();
    const top = await rows(api);
    assert.ok(top.length > 0 && api.model.servers.length > 0, 'servers are shown');
    assert.ok(vpcRequests() < 3, `shown before the VPC list answered (${vpcRequests()} VPC requests so far)`);
    const firstVpcId = emulator.vpcs[0].id;
    assert.ok(top.some((row) => row.label === firstVpcId), 'VPC ids stand in for names meanwhile');
    await waitFor(() => vpcRequests() === 3, 'the VPC list after two retries');
    await waitFor(() => api.model.knownVpcNames.size > 0, 'VPC names');
    const named = await rows(api);
    assert.ok(named.some((row) => row.label === emulator.vpcs[0].name), 'names replace the ids');
  });

  it('Load more sends the last id as marker, appends, and keeps ids stable', async () => {
    await setSetting('pageSize', 50);
    try {
      await waitFor(() => api.model.servers.length === 50 && listRequests() >= 1, 'first page of 50');
      const firstPage = api.model.servers.map((s) => s.id);
      const top = await rows(api);
      assert.ok(top.some(isLoadMoreRow), 'a Load more row while the page was full');
      const vpcRow = top.find((r) => !isLoadMoreRow(r) && !isMessageRow(r));
      assert.ok(vpcRow);
      assert.match(vpcRow.description, /^\d+\+$/, 'counts are marked partial');
      emulator.clearRequests();

      // A second click while loading does nothing: one request.
      const [outcome, second] = await Promise.all([
        vscode.commands.executeCommand('scpExplorer.loadMore'),
        vscode.commands.executeCommand('scpExplorer.loadMore'),
      ]);
      assert.deepEqual([outcome, second].sort(), ['busy', 'loaded']);
      const requests = emulator.requests.filter((r) => r.path === '/v1/servers');
      assert.equal(requests.length, 1);
      assert.deepEqual(
        requests[0].query.filter(([key]) => key === 'marker' || key === 'limit'),
        [
          ['limit', '50'],
          ['marker', firstPage[49]],
        ],
      );
      assert.equal(api.model.servers.length, 100);
      assert.deepEqual(api.model.servers.slice(0, 50).map((s) => s.id), firstPage, 'appended, not replaced');
    } finally {
      await setSetting('pageSize', 1000);
    }
  });

  it('Load All reaches every server exactly once', async () => {
    await setSetting('pageSize', 40);
    try {
      await waitFor(() => api.model.servers.length === 40, 'first page of 40');
      await vscode.commands.executeCommand('scpExplorer.loadAll');
      const ids = api.model.servers.map((s) => s.id);
      assert.equal(ids.length, emulator.servers.length);
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(api.model.hasMore, false);
      assert.equal((await rows(api)).some(isLoadMoreRow), false);
    } finally {
      await setSetting('pageSize', 1000);
    }
  });

  it('Load All stops when cancelled, keeping whole pages and the way to load more', async () => {
    await setSetting('pageSize', 40);
    try {
      await waitFor(() => api.model.servers.length === 40, 'first page of 40');
      emulator.faults.latencyMs = 150;
      // Load All asks for 1000 per page; a service that caps pages at 40 makes it page in 40s after the first two.
      emulator.faults.limitCap = 40;
      const cancel = new AbortController();
      const counts: number[] = [];
      const loading = api.model.loadAll((loaded) => {
        counts.push(loaded);
        if (loaded >= 120) {
          cancel.abort();
        }
      }, cancel.signal);
      assert.equal(await loading, 'stale');
      assert.deepEqual(counts.slice(0, 2), [80, 120], 'the progress reports the count after each page');
      assert.deepEqual(
        emulator.requests.filter((r) => r.path === '/v1/servers').map((r) => r.query.find(([key]) => key === 'limit')?.[1]),
        ['40', '1000', '1000'],
        'the capped short page was not taken as the last',
      );
      assert.equal(api.model.servers.length, 120, 'no page after the cancel');
      assert.equal(new Set(api.model.servers.map((s) => s.id)).size, 120);
      assert.ok((await rows(api)).some(isLoadMoreRow), 'Load more is still offered');
    } finally {
      emulator.faults.latencyMs = 0;
      emulator.faults.limitCap = null;
      await setSetting('pageSize', 1000);
    }
  });

  it('keeps every row id across a refresh', async () => {
    await api.model.refresh();
    const before = await allIds(api);
    await vscode.commands.executeCommand('scpExplorer.refresh');
    const after = await allIds(api);
    assert.ok(before.length > emulator.servers.length, 'groups and servers');
    assert.deepEqual(after, before);
    assert.equal(new Set(before).size, before.length, 'ids are unique');
  });

  for (const status of [401, 403, 500]) {
    it(`shows a ${status} as a message row and keeps the loaded servers`, async () => {
      await api.model.refresh();
      const loaded = api.model.servers.length;
      assert.ok(loaded > 0);
      emulator.faults.failEvery = { n: 1, status, path: '/v1/servers' };
      const outcome = await api.model.refresh();
      assert.equal(outcome, 'failed');
      const top = await rows(api);
      const message = top.find(isMessageRow);
      assert.ok(message, 'a message row');
      assert.equal(top.indexOf(message), 0, 'the message comes first');
      assert.ok(message.item.command?.command === 'scpExplorer.retry', 'clicking it retries');
      assert.ok(message.description.length > 20, 'it says what happened and what to do');
      assert.equal(api.model.servers.length, loaded, 'loaded servers stay');
      assert.ok(top.filter((r) => !isMessageRow(r)).length > 0, 'their groups are still shown');

      emulator.resetFaults();
      await vscode.commands.executeCommand('scpExplorer.retry');
      assert.equal((await rows(api)).some(isMessageRow), false, 'retry clears the message');
    });
  }

  it('shows the welcome state when signed out', async () => {
    await api.credentials.clear();
    try {
      await waitFor(() => api.model.viewState === 'signedOut', 'signed-out state');
      assert.deepEqual(await rows(api), []);
      assert.equal(api.view.description, '');
    } finally {
      await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
    }
    assert.ok((await rows(api)).some((row) => !isServerRow(row)));
  });
});
