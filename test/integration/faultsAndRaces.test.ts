// Issue 5 in a real VS Code: what a user sees for each kind of failure, stale answers dropped in races, settings
// checked, and no secret in anything the extension logged or showed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testApi';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { activateExplorer, connectTo, isLoadMoreRow, isMessageRow, rows, screenshot, setSetting, waitFor } from './support/explorerHarness';

describe('faults, races and secrets (against the emulator)', function () {
  this.timeout(180_000);
  let emulator: ScpEmulator;
  let api: ExplorerApi;
  /** Every text the tree showed during this suite: labels, descriptions and tooltips of message rows. */
  const shown: string[] = [];
  const listRequests = (): number => emulator.requests.filter((r) => r.path === '/v1/servers').length;

  async function messageRow(): Promise<{ label: string; description: string }> {
    const message = (await rows(api)).find(isMessageRow);
    assert.ok(message, 'a message row');
    const tooltip = message.item.tooltip;
    shown.push(message.label, message.description, typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''));
    return message;
  }

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 120, seed: 3 });
    await emulator.start();
    api = await activateExplorer();
    await setSetting('pageSize', 50);
    await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
  });

  after(async () => {
    for (const key of ['pageSize', 'endpoint', 'apiVersion', 'requestTimeoutSeconds', 'groupBy', 'region']) {
      await setSetting(key, undefined);
    }
    await api.credentials.clear();
    await emulator.stop();
  });

  beforeEach(async () => {
    emulator.resetFaults();
    await api.model.refresh();
    emulator.clearRequests();
  });

  /** `prepare` changes settings (which reconnects and reloads); `inject` breaks the emulator after the load. */
  const kinds: { name: string; headline: string; inject: () => void; prepare?: () => Promise<void>; restore?: () => Promise<void> }[] = [
    { name: '401', headline: 'Access key not accepted', inject: () => void (emulator.faults.failEvery = { n: 1, status: 401 }) },
    { name: '403', headline: 'Permission denied', inject: () => void (emulator.faults.failEvery = { n: 1, status: 403 }) },
    { name: '400', headline: 'Request rejected', inject: () => void (emulator.faults.failEvery = { n: 1, status: 400, body: 'errorsDetailString' }) },
    { name: '406 NoSuchVersion', headline: 'API version not supported', inject: () => void (emulator.faults.failEvery = { n: 1, status: 406 }) },
    {
      name: '417 WAF',
      headline: 'SCP is limiting requests',
      inject: () => void (emulator.faults.failEvery = { n: 1, status: 417, body: 'html' }),
      // The connection's limiter now holds requests back for 60 s; a new connection starts with a fresh one.
      restore: async () => {
        api.model.reconnect();
        await api.model.start();
      },
    },
    { name: '502', headline: 'SCP server error', inject: () => void (emulator.faults.failEvery = { n: 1, status: 502 }) },
    { name: 'malformed JSON', headline: 'Unexpected answer from SCP', inject: () => void (emulator.faults.malformedJson = true) },
    {
      name: 'timeout',
      headline: 'SCP did not answer in time',
      prepare: async () => {
        await setSetting('requestTimeoutSeconds', 1);
        await settle();
        await api.model.refresh();
      },
      inject: () => void (emulator.faults.latencyMs = 1500),
      restore: () => setSetting('requestTimeoutSeconds', undefined),
    },
  ];
  for (const kind of kinds) {
    it(`${kind.name}: a message row says what happened and what to do; loaded servers stay`, async () => {
      try {
        await kind.prepare?.();
        const loaded = api.model.servers.map((s) => s.id);
        assert.equal(loaded.length, 50);
        kind.inject();
        const outcome = await vscode.commands.executeCommand('scpExplorer.refresh');
        assert.equal(outcome, 'failed');
        const message = await messageRow();
        assert.equal(message.label, kind.headline);
        assert.ok(message.description.length > 30, message.description);
        assert.deepEqual(api.model.servers.map((s) => s.id), loaded, 'loaded servers stay');
        if (kind.name === '401') {
          await screenshot('error-row');
        }
      } finally {
        emulator.resetFaults();
        await kind.restore?.();
      }
    });
  }

  it('connection refused: "SCP is unreachable", and the servers stay', async () => {
    const loaded = api.model.servers.length;
    const port = Number(new URL(emulator.url).port);
    await emulator.stop();
    try {
      assert.equal(await vscode.commands.executeCommand('scpExplorer.refresh'), 'failed');
      const message = await messageRow();
      assert.equal(message.label, 'SCP is unreachable');
      assert.match(message.description, /refused/);
      assert.equal(api.model.servers.length, loaded);
    } finally {
      // Back on the same port, so the endpoint setting still points at it.
      emulator = new ScpEmulator({ serverCount: 120, seed: 3, port });
      await emulator.start();
    }
  });

  it('a marker that loops: Load All stops and says so instead of paging forever', async () => {
    emulator.faults.loopingMarker = true;
    await vscode.commands.executeCommand('scpExplorer.loadAll');
    // Load All's first page (1000 asked) is the whole first page again, with 70 new servers; as it is short, one more
    // request checks for more, gets the same page, and that repeated page ends it.
    assert.equal(listRequests(), 2);
    assert.equal(api.model.servers.length, 120);
    assert.match((await messageRow()).description, /same page/);
    assert.equal((await rows(api)).some(isLoadMoreRow), false);
  });

  it('an empty first page shows the empty state, not an empty tree', async () => {
    const all = emulator.servers;
    emulator.servers = [];
    try {
      await api.model.refresh();
      assert.equal(api.model.viewState, 'empty');
      assert.deepEqual(await rows(api), []);
    } finally {
      emulator.servers = all;
    }
  });

  it('servers with missing fields, unknown states, empty and very long names, 20 IPs render', async () => {
    const all = emulator.servers;
    const template = all[0];
    emulator.servers = [
      { ...template, id: 'odd-a', name: '', state: 'SOMETHING_NEW', addresses: null, vpc_id: null, product_offering: 'quantum' },
      { ...template, id: 'odd-b', name: 'n'.repeat(400), addresses: undefined, security_groups: null, server_type: { name: '', vcpus: 1, ram: 512, disk: 0 } },
      {
        ...template,
        id: 'odd-c',
        addresses: [{ subnet_name: 's', ip_addresses: Array.from({ length: 20 }, (_, i) => ({ ip_address: `10.1.1.${i}`, version: 4 })) }],
      },
    ];
    try {
      await setSetting('groupBy', 'none');
      await api.model.refresh();
      const shownRows = await rows(api);
      assert.deepEqual(shownRows.map((r) => r.item.id).sort(), ['server/odd-a', 'server/odd-b', 'server/odd-c']);
      const provider = api.tree as unknown as vscode.TreeDataProvider<unknown>;
      for (const row of shownRows) {
        const resolved = await provider.resolveTreeItem?.(row.item, row.node, new vscode.CancellationTokenSource().token);
        const tooltip = (resolved ?? row.item).tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString && tooltip.value.includes('ID'), 'a tooltip for every server');
      }
      assert.equal(shownRows.find((r) => r.item.id === 'server/odd-a')?.label, 'odd-a', 'an empty name shows the id');
    } finally {
      emulator.servers = all;
      await setSetting('groupBy', undefined);
    }
  });

  it('10,000 servers load with Load All, each once', async function () {
    this.timeout(300_000);
    const big = new ScpEmulator({ serverCount: 10_000, seed: 4 });
    await big.start();
    try {
      await setSetting('pageSize', 1000);
      await connectTo(api, big.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      assert.equal(api.model.servers.length, 1000);
      big.clearRequests();
      await vscode.commands.executeCommand('scpExplorer.loadAll');
      const ids = api.model.servers.map((s) => s.id);
      assert.equal(ids.length, 10_000);
      assert.equal(new Set(ids).size, 10_000);
      assert.equal(big.requests.filter((r) => r.path === '/v1/servers').length, 10, 'pages 2 to 10, then one empty page');
    } finally {
      await setSetting('pageSize', 50);
      await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      await big.stop();
    }
  });

  describe('races: a stale answer is dropped, never appended', () => {
    beforeEach(() => {
      emulator.faults.latencyMs = 400;
    });

    it('Refresh while Load more is loading', async () => {
      const loadMore = vscode.commands.executeCommand('scpExplorer.loadMore');
      await waitFor(() => listRequests() === 1, 'the Load more request');
      const refresh = vscode.commands.executeCommand('scpExplorer.refresh');
      assert.equal(await loadMore, 'stale');
      await refresh;
      assert.equal(api.model.servers.length, 50, 'only the new first page');
      assert.equal(new Set(api.model.servers.map((s) => s.id)).size, 50);
      assert.equal(listRequests(), 2, 'one request per action');
    });

    it('a new query while a page is loading', async () => {
      const loadMore = vscode.commands.executeCommand('scpExplorer.loadMore');
      await waitFor(() => listRequests() === 1, 'the Load more request');
      const filtered = api.model.setQuery({ state: 'SHUTOFF' });
      assert.equal(await loadMore, 'stale');
      await filtered;
      assert.ok(api.model.servers.length > 0);
      assert.ok(api.model.servers.every((s) => s.state === 'SHUTOFF'), 'nothing of the old query was appended');
      await api.model.setQuery({});
    });

    it('a group-by change while loading sends nothing and keeps the load', async () => {
      const loadMore = vscode.commands.executeCommand('scpExplorer.loadMore');
      await waitFor(() => listRequests() === 1, 'the Load more request');
      await setSetting('groupBy', 'state');
      assert.equal(await loadMore, 'loaded');
      assert.equal(api.model.servers.length, 100);
      assert.equal(listRequests(), 1);
      await setSetting('groupBy', undefined);
    });

    it('a credential change while loading', async () => {
      const loadMore = vscode.commands.executeCommand('scpExplorer.loadMore');
      await waitFor(() => listRequests() === 1, 'the Load more request');
      await api.credentials.save({ accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY + '-rotated' });
      assert.equal(await loadMore, 'stale');
      await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      assert.equal(api.model.servers.length, 50, 'the new connection starts from page one');
    });
  });

  describe('settings', () => {
    it('refuses plain http to another host, with the reason in the tree', async () => {
      await setSetting('endpoint', 'http://scp.example.com');
      try {
        await waitFor(() => api.model.viewState === 'misconfigured', 'the misconfigured state');
        const message = await messageRow();
        assert.equal(message.label, 'Settings need attention');
        assert.match(message.description, /in clear/);
        assert.equal(emulator.requests.length, 0, 'nothing was sent');
      } finally {
        await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      }
    });

    it('names a malformed endpoint and an unknown region', async () => {
      await setSetting('endpoint', 'not a url');
      await settle();
      assert.match((await messageRow()).description, /is not a URL/);
      await setSetting('region', 'mars-1');
      await setSetting('endpoint', undefined);
      await settle();
      assert.match((await messageRow()).description, /Unknown region "mars-1"/);
      assert.equal(api.model.viewState, 'misconfigured');
      await setSetting('region', undefined);
      await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
    });
  });

  describe('secrets', () => {
    it('neither the secret key nor a signature appears in the log or anything shown', async () => {
      // Everything above ran with the demo secret, including failures; now read what was logged.
      const logFile = path.join(api.logUri.fsPath, 'SCP Server Explorer.log');
      await waitFor(() => fs.existsSync(logFile), `the log file ${logFile}`);
      const logged = fs.readFileSync(logFile, 'utf8');
      assert.match(logged, /GET \/v1\/servers\?limit=50/, 'the log holds the requests');
      const everything = logged + shown.join('\n');
      assert.ok(!everything.includes(DEMO_SECRET_KEY), 'no secret key');
      assert.doesNotMatch(everything, /[A-Za-z0-9+/]{43}=/, 'no signature');
    });

    it('Clear Access Key leaves the secret nowhere the extension wrote: SecretStorage, settings, state', async () => {
      const secret = 'a-secret-that-must-vanish-0123';
      await api.credentials.save({ accessKey: 'AK-VANISH', secretKey: secret });
      // The command asks first (a modal dialog); the test answers Clear through the command's argument.
      await vscode.commands.executeCommand('scpExplorer.clearAccessKey', (_question: string, clearLabel: string) => Promise.resolve(clearLabel));
      assert.equal(await api.credentials.get(), undefined);
      const settingsText = JSON.stringify(vscode.workspace.getConfiguration('scpExplorer'));
      assert.ok(!settingsText.includes(secret));
      for (const storage of [api.globalStoragePath, api.workspaceStoragePath]) {
        assert.ok(!containsText(storage, secret), `not under ${storage}`);
      }
      await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
    });
  });
});

/** Lets a settings change reach the extension (its change event reconnects) before the test goes on. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200));
}

function containsText(folder: string | undefined, text: string): boolean {
  if (!folder || !fs.existsSync(folder)) {
    return false;
  }
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && fs.statSync(file).size < 5_000_000 && fs.readFileSync(file).includes(text)) {
      return true;
    }
  }
  return false;
}
