// Filters and sort in a real VS Code against the emulator: every filter is a query parameter of GET /v1/servers,
// checked on the emulator's request log byte for byte, and the tree shows exactly the servers that match.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testApi';
import type { Server } from '../../src/core/serverModel';
import { createExplorer } from '../../src/explorer';
import { FILTERS_STATE_KEY } from '../../src/filters/filterStore';
import { FIXTURE_AUTO_SCALING_GROUP_ID, FIXTURES, VPC_IDS } from '../emulator/dataset';
import { compareText } from '../emulator/listParams';
import type { LoggedRequest, ScpEmulator } from '../emulator/scpEmulator';
import { allIds, rows, screenshot, setSetting, startConnectedEmulator, type ConnectedEmulator } from './support/explorerHarness';
import { runAnsweringPicks } from './support/quickInput';

describe('filters and sort (against the emulator)', function () {
  this.timeout(120_000);
  let emulator: ScpEmulator;
  let api: ExplorerApi;

  const listRequests = (): LoggedRequest[] => emulator.requests.filter((request) => request.path === '/v1/servers');
  /** The one list request the last command sent. */
  const onlyListRequest = (): LoggedRequest => {
    const requests = listRequests();
    assert.equal(requests.length, 1, `list requests: ${requests.map((r) => r.rawTarget).join(', ')}`);
    return requests[0];
  };
  /** Every server row of the tree, expanded all the way down. */
  const shownServerIds = async (): Promise<string[]> =>
    (await allIds(api)).filter((id) => id.startsWith('server/')).map((id) => id.slice('server/'.length)).sort();
  const idsOf = (servers: Server[]): string[] => servers.map((server) => server.id).sort();
  const ips = (server: Server): string[] => (server.addresses ?? []).flatMap((subnet) => subnet.ip_addresses.map((ip) => ip.ip_address));

  const resetQuery = async (): Promise<void> => {
    await vscode.commands.executeCommand('scpExplorer.clearFilters');
    await vscode.commands.executeCommand('scpExplorer.sort', '');
  };

  let connected: ConnectedEmulator;
  before(async () => {
    connected = await startConnectedEmulator({ serverCount: 300, seed: 7 }, { pageSize: 1000, groupBy: 'vpcState' });
    ({ api, emulator } = connected);
  });

  after(async () => {
    await resetQuery();
    await connected.disconnect();
  });

  beforeEach(async () => {
    emulator.resetFaults();
    await resetQuery();
    emulator.clearRequests();
  });

  // Each filter command alone: the exact query pairs (decoded), the exact bytes where escaping matters, and the rows.
  const cases: {
    title: string;
    command: string;
    value: string | string[];
    query: [string, string][];
    raw?: string;
    matches: (server: Server) => boolean;
  }[] = [
    {
      title: 'Filter by Name with a Korean name',
      command: 'scpExplorer.filterByName',
      value: '웹서버',
      query: [['limit', '1000'], ['name', '웹서버']],
      raw: 'name=%EC%9B%B9%EC%84%9C%EB%B2%84',
      matches: (server) => server.name.includes('웹서버'),
    },
    {
      title: 'Filter by Name with spaces and &',
      command: 'scpExplorer.filterByName',
      value: ' R&D sandbox ',
      query: [['limit', '1000'], ['name', 'R&D sandbox']],
      raw: '?limit=1000&name=R%26D+sandbox',
      matches: (server) => server.name.toLowerCase().includes('r&d sandbox'),
    },
    {
      title: 'Filter by IP with a /16 range',
      command: 'scpExplorer.filterByIp',
      value: '10.40.0.0/16',
      query: [['ip', '10.40.'], ['limit', '1000']],
      matches: (server) => ips(server).some((ip) => ip.startsWith('10.40.')),
    },
    {
      title: 'Filter by State',
      command: 'scpExplorer.filterByState',
      value: 'SHUTOFF',
      query: [['limit', '1000'], ['state', 'SHUTOFF']],
      matches: (server) => server.state === 'SHUTOFF',
    },
    {
      title: 'Filter by Product Category',
      command: 'scpExplorer.filterByProductCategory',
      value: 'container',
      query: [['limit', '1000'], ['product_category', 'container']],
      matches: (server) => server.product_category === 'container',
    },
    {
      title: 'Filter by Product Offering with two offerings',
      command: 'scpExplorer.filterByProductOffering',
      value: ['k8s_gpu_vm', 'gpu_server'],
      query: [['limit', '1000'], ['product_offering', 'gpu_server'], ['product_offering', 'k8s_gpu_vm']],
      raw: '&product_offering=gpu_server&product_offering=k8s_gpu_vm',
      matches: (server) => server.product_offering === 'gpu_server' || server.product_offering === 'k8s_gpu_vm',
    },
    {
      title: 'Filter by VPC',
      command: 'scpExplorer.filterByVpc',
      value: VPC_IDS.analytics,
      query: [['limit', '1000'], ['vpc_id', VPC_IDS.analytics]],
      matches: (server) => server.vpc_id === VPC_IDS.analytics,
    },
    {
      title: 'Filter by Server Type',
      command: 'scpExplorer.filterByServerType',
      value: 's1v1m2',
      query: [['limit', '1000'], ['server_type_id', 's1v1m2']],
      matches: (server) => server.server_type?.id === 's1v1m2',
    },
    {
      title: 'Filter by Auto-Scaling Group',
      command: 'scpExplorer.filterByAutoScalingGroup',
      value: FIXTURE_AUTO_SCALING_GROUP_ID,
      query: [['auto_scaling_group_id', FIXTURE_AUTO_SCALING_GROUP_ID], ['limit', '1000']],
      matches: (server) => server.auto_scaling_group_id === FIXTURE_AUTO_SCALING_GROUP_ID,
    },
  ];
  for (const { title, command, value, query, raw, matches } of cases) {
    it(`${title} sends exactly ${query.map(([k, v]) => `${k}=${v}`).join('&')} and shows exactly the matches`, async () => {
      const outcome = await vscode.commands.executeCommand(command, value);
      assert.equal(outcome, 'complete');
      const request = onlyListRequest();
      assert.deepEqual(request.query, query);
      assert.equal(request.signatureVerified, true);
      if (raw) {
        assert.ok(request.rawTarget.includes(raw), `${request.rawTarget} should contain ${raw}`);
      }
      const expected = idsOf(emulator.servers.filter(matches));
      assert.ok(expected.length > 0 && expected.length < emulator.servers.length, `a real narrowing: ${expected.length}`);
      assert.deepEqual(await shownServerIds(), expected);
    });
  }

  it('Sort Servers sends the sort and the tree keeps that order', async () => {
    await setSetting('groupBy', 'none');
    try {
      assert.equal(await vscode.commands.executeCommand('scpExplorer.sort', 'name:asc'), 'complete');
      assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['sort', 'name:asc']]);
      assert.ok(onlyListRequest().rawTarget.endsWith('&sort=name%3Aasc'));
      const shown = (await rows(api)).map((row) => row.label);
      assert.equal(shown.length, emulator.servers.length);
      assert.deepEqual(shown, [...shown].sort(compareText), 'rows in name order');
      assert.match(String(api.view.description), /^sort: name ↑$/);

      // The default order is the API's own: nothing is sent for it.
      emulator.clearRequests();
      await vscode.commands.executeCommand('scpExplorer.sort', 'created_at:desc');
      assert.deepEqual(onlyListRequest().query, [['limit', '1000']]);
      assert.equal(api.filters.current.sort, undefined);
    } finally {
      await setSetting('groupBy', 'vpcState');
    }
  });

  it('filters combine, restart paging from page one, and show in the description and above the tree', async () => {
    await setSetting('pageSize', 20);
    try {
      await vscode.commands.executeCommand('scpExplorer.refresh');
      await vscode.commands.executeCommand('scpExplorer.loadMore');
      assert.ok(listRequests().some((request) => request.query.some(([key]) => key === 'marker')), 'a second page was asked for');
      emulator.clearRequests();

      await vscode.commands.executeCommand('scpExplorer.filterByState', 'ACTIVE');
      await vscode.commands.executeCommand('scpExplorer.filterByVpc', VPC_IDS.production);
      const requests = listRequests();
      assert.equal(requests.length, 2);
      assert.deepEqual(requests[0].query, [['limit', '20'], ['state', 'ACTIVE']], 'page one: no marker');
      assert.deepEqual(requests[1].query, [['limit', '20'], ['state', 'ACTIVE'], ['vpc_id', VPC_IDS.production]]);
      assert.ok(api.model.servers.every((server) => server.state === 'ACTIVE' && server.vpc_id === VPC_IDS.production));
      assert.equal(api.model.servers.length, 20);

      assert.equal(api.view.description, 'state: ACTIVE · vpc: 운영-VPC');
      assert.equal(api.view.message, `Filtered by state: ACTIVE · vpc: 운영-VPC (${VPC_IDS.production}).`);
      await screenshot('filtered');
    } finally {
      await setSetting('pageSize', 1000);
    }
  });

  it('a nonsense IP is refused with a message and sends nothing', async () => {
    await vscode.commands.executeCommand('scpExplorer.filterByState', 'ACTIVE');
    emulator.clearRequests();
    await vscode.commands.executeCommand('scpExplorer.filterByIp', '10.10.300.1');
    assert.equal(listRequests().length, 0);
    assert.deepEqual(api.filters.current, { state: 'ACTIVE' });
  });

  it('when nothing matches, the welcome with Clear Filters shows instead of an empty tree', async () => {
    assert.equal(await vscode.commands.executeCommand('scpExplorer.filterByName', 'no such server anywhere'), 'complete');
    assert.deepEqual(await rows(api), []);
    assert.equal(api.model.viewState, 'empty');
    // VS Code shows welcome content only while TreeView.message is empty.
    assert.equal(api.view.message, undefined);
    assert.equal(api.view.description, 'name: no such server anyw…');
  });

  it('Clear Filters restores the full list and keeps the sort', async () => {
    await vscode.commands.executeCommand('scpExplorer.sort', 'name:desc');
    await vscode.commands.executeCommand('scpExplorer.filterByState', 'ERROR');
    await vscode.commands.executeCommand('scpExplorer.filterByProductOffering', 'virtual_server');
    assert.ok((await shownServerIds()).length < 20);
    emulator.clearRequests();

    assert.equal(await vscode.commands.executeCommand('scpExplorer.clearFilters'), 'complete');
    assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['sort', 'name:desc']]);
    assert.deepEqual(await shownServerIds(), idsOf(emulator.servers));
    assert.deepEqual(api.filters.current, { sort: 'name:desc' });
    assert.equal(api.view.message, 'Sorted by name ↓.');

    await vscode.commands.executeCommand('scpExplorer.sort', '');
    assert.equal(api.view.description, `${new URL(emulator.url).host} · key: VS Code`, 'back to where requests go');
    assert.equal(api.view.message, undefined);
  });

  it('Filter to this VPC and Filter to this State work from the tree nodes', async () => {
    const vpcRow = (await rows(api)).find((row) => row.label === '분석-플랫폼');
    assert.ok(vpcRow, 'the analytics VPC row');
    await vscode.commands.executeCommand('scpExplorer.filterToVpc', vpcRow.node);
    assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['vpc_id', VPC_IDS.analytics]]);

    const [top] = await rows(api);
    const stateRow = (await rows(api, top.node)).find((row) => row.label === 'ACTIVE');
    assert.ok(stateRow, 'an ACTIVE row under the VPC');
    emulator.clearRequests();
    await vscode.commands.executeCommand('scpExplorer.filterToState', stateRow.node);
    assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['state', 'ACTIVE'], ['vpc_id', VPC_IDS.analytics]]);
    assert.deepEqual(await shownServerIds(), idsOf(emulator.servers.filter((s) => s.vpc_id === VPC_IDS.analytics && s.state === 'ACTIVE')));
  });

  it('Filter by State from the palette: the quick pick answers ACTIVE', async () => {
    const outcome = await runAnsweringPicks('scpExplorer.filterByState', [[]]);
    assert.equal(outcome, 'complete');
    assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['state', 'ACTIVE']]);
  });

  it('Edit Filters lists every filter; choosing State opens its own pick', async () => {
    // Name, IP address, State: the third entry, then the first state (ACTIVE).
    const outcome = await runAnsweringPicks('scpExplorer.editFilters', [['quickInput.next', 'quickInput.next'], []]);
    assert.equal(outcome, 'complete');
    assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['state', 'ACTIVE']]);
  });

  it('Filter by Product Offering from the palette pre-ticks the current offerings', async () => {
    await vscode.commands.executeCommand('scpExplorer.filterByProductOffering', ['gpu_server', 'k8s_vm']);
    emulator.clearRequests();
    // Accepting the multi-select unchanged keeps exactly what was ticked.
    assert.equal(await runAnsweringPicks('scpExplorer.filterByProductOffering', [[]]), 'complete');
    assert.deepEqual(onlyListRequest().query, [['limit', '1000'], ['product_offering', 'gpu_server'], ['product_offering', 'k8s_vm']]);
  });

  it('filters are stored in workspaceState and a tree built from storage, as activation does, sends the same query', async () => {
    await vscode.commands.executeCommand('scpExplorer.filterByName', 'worker');
    await vscode.commands.executeCommand('scpExplorer.filterByAutoScalingGroup', FIXTURE_AUTO_SCALING_GROUP_ID);
    await vscode.commands.executeCommand('scpExplorer.sort', 'name:asc');
    const sent = listRequests().at(-1);
    assert.ok(sent);

    // What the extension stored in this workspace's real workspaceState.
    assert.deepEqual(api.context.workspaceState.get(FILTERS_STATE_KEY), {
      version: 1,
      filters: { name: 'worker', auto_scaling_group_id: FIXTURE_AUTO_SCALING_GROUP_ID, sort: 'name:asc' },
    });
    // A restarted extension host runs activate() again, which builds the stores and the model with createExplorer.
    // The host running these tests cannot restart itself, so the same function runs here on the same storage.
    const subscriptions: vscode.Disposable[] = [];
    const restarted = createExplorer(Object.create(api.context, { subscriptions: { value: subscriptions } }), api.log);
    try {
      emulator.clearRequests();
      await restarted.model.start();
      assert.deepEqual(onlyListRequest().query, sent.query);
      assert.deepEqual(idsOf([...restarted.model.servers]), [FIXTURES.workerA.id, FIXTURES.workerB.id].sort());
    } finally {
      subscriptions.forEach((subscription) => subscription.dispose());
    }

    await vscode.commands.executeCommand('scpExplorer.clearFilters');
    assert.deepEqual(api.context.workspaceState.get(FILTERS_STATE_KEY), { version: 1, filters: { sort: 'name:asc' } });
  });
});
