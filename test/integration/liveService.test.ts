// Issue 11 in a real VS Code: API version negotiation (`auto`) and request pacing under SCP's WAF.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WAF_BUDGET } from '../../src/core/requestLimiter';
import type { ExplorerApi } from '../../src/testApi';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator, type ScpEmulatorOptions } from '../emulator/scpEmulator';
import { activateExplorer, connectTo, isMessageRow, rows, setSetting, waitFor } from './support/explorerHarness';

describe('ready for the live service (against the emulator)', function () {
  this.timeout(240_000);
  let api: ExplorerApi;
  let emulator: ScpEmulator | undefined;

  const start = async (options: ScpEmulatorOptions): Promise<ScpEmulator> => {
    emulator = new ScpEmulator(options);
    await emulator.start();
    return emulator;
  };
  const listed = (on: ScpEmulator): string[] => on.requests.filter((r) => r.path === '/v1/servers' || r.path === '/').map((r) => `${r.path} ${r.apiVersion ?? '-'} → ${r.status}`);
  const logText = (): string => fs.readFileSync(path.join(api.logUri.fsPath, 'SCP Server Explorer.log'), 'utf8');

  before(async () => {
    api = await activateExplorer();
    await setSetting('pageSize', 50);
  });
  afterEach(async () => {
    api.pacing.budget = WAF_BUDGET;
    await setSetting('apiVersion', undefined);
    await emulator?.stop();
    emulator = undefined;
  });
  after(async () => {
    await setSetting('pageSize', undefined);
    await setSetting('endpoint', undefined);
    await api.credentials.clear();
  });

  describe('API version (default auto)', () => {
    it('1.1 retired: the servers still load, with 1.3, after one catalog request and one more list request', async () => {
      const only = await start({ serverCount: 120, seed: 5, serverApiVersions: ['virtualserver 1.2', 'virtualserver 1.3'] });
      await connectTo(api, only.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      assert.equal(api.model.viewState, 'loaded');
      assert.equal(api.model.servers.length, 50);
      assert.equal((await rows(api)).some(isMessageRow), false);
      // connectTo changes the endpoint and the key, so the extension may connect more than once, and each connection
      // pays its own 406; the catalog is read once for all of them (unit tests count one connection exactly).
      const seen = listed(only);
      assert.equal(seen.filter((line) => line === '/ - → 200').length, 1, seen.join(', '));
      assert.ok(seen.includes('/v1/servers virtualserver 1.3 → 200'), seen.join(', '));
      assert.deepEqual(seen.filter((line) => line.startsWith('/v1/servers virtualserver 1.1')), seen.filter((line) => line === '/v1/servers virtualserver 1.1 → 406'));
      assert.equal(api.model.connection?.client.apiVersion, 'virtualserver 1.3', 'the status bar tooltip shows this');
      await waitFor(() => logText().includes('Using SCP API version virtualserver 1.3'), 'the version in the log');

      // Remembered for this endpoint: the next connection sends 1.3 at once.
      only.clearRequests();
      api.model.reconnect();
      await api.model.start();
      assert.deepEqual(listed(only), ['/v1/servers virtualserver 1.3 → 200']);
    });

    it('the catalog unreachable: the "API version not supported" row, as before', async () => {
      const only = await start({ serverCount: 120, seed: 5, serverApiVersions: ['virtualserver 1.2', 'virtualserver 1.3'] });
      only.faults.catalogUnavailable = true;
      await connectTo(api, only.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      const message = (await rows(api)).find(isMessageRow);
      assert.equal(message?.label, 'API version not supported');
      assert.match(message?.description ?? '', /scpExplorer\.apiVersion/);
      // Per connection (connectTo may make more than one): the 406, one catalog request, and no other version tried.
      const seen = listed(only);
      const refused = seen.filter((line) => line === '/v1/servers virtualserver 1.1 → 406').length;
      assert.ok(refused >= 1, seen.join(', '));
      assert.equal(seen.filter((line) => line === '/ - → 404').length, refused, seen.join(', '));
      assert.equal(seen.length, 2 * refused, seen.join(', '));
    });

    it('an explicit version is sent as it is, never renegotiated', async () => {
      const only = await start({ serverCount: 120, seed: 5, serverApiVersions: ['virtualserver 1.2', 'virtualserver 1.3'] });
      await setSetting('apiVersion', 'virtualserver 1.1');
      await connectTo(api, only.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      assert.equal((await rows(api)).find(isMessageRow)?.label, 'API version not supported');
      assert.ok(listed(only).every((line) => line === '/v1/servers virtualserver 1.1 → 406'), listed(only).join(', '));
      only.clearRequests();
      assert.equal(await vscode.commands.executeCommand('scpExplorer.refresh'), 'failed');
      assert.deepEqual(listed(only), ['/v1/servers virtualserver 1.1 → 406']);
      assert.equal(api.model.connection?.client.apiVersion, 'virtualserver 1.1');
    });
  });

  // SCP's WAF answers 417 after about 80 requests in 60 s; the limiter allows a burst of 20, then one request every
  // 1.5 s, and waits at least 60 s after a 417. These tests divide every duration by 40 and keep every count: the
  // emulator's window is 1.5 s, the limiter's interval 37.5 ms and its 417 wait 1.5 s. With the service capping
  // pages at 50, Load All of 6,000 servers takes about 120 requests: twice what the WAF allows in one window.
  describe('Load All of 6,000 servers at pageSize 50 behind the WAF (durations ÷ 40)', () => {
    const SCALE = 40;
    const waf = { requests: 80, windowMs: 60_000 / SCALE };
    const scaled = { burst: WAF_BUDGET.burst, intervalMs: WAF_BUDGET.intervalMs / SCALE, rejectionWaitMs: WAF_BUDGET.rejectionWaitMs / SCALE };

    async function loadAllBehindTheWaf(budget: typeof scaled): Promise<ScpEmulator> {
      const big = await start({ serverCount: 6000, seed: 9 });
      big.faults.limitCap = 50;
      big.faults.burstLimit = waf;
      api.pacing.budget = budget;
      await connectTo(api, big.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
      assert.equal(api.model.servers.length, 50);
      assert.equal(await vscode.commands.executeCommand('scpExplorer.loadAll'), 'complete');
      const ids = api.model.servers.map((server) => server.id);
      assert.equal(ids.length, 6000);
      assert.equal(new Set(ids).size, 6000, 'every server once');
      assert.equal((await rows(api)).some(isMessageRow), false, 'no error row');
      return big;
    }

    it('the limiter keeps it under the WAF: every server once, no error row, no 417', async () => {
      const big = await loadAllBehindTheWaf(scaled);
      assert.ok(big.requests.length > 120, `${big.requests.length} requests`);
      assert.equal(big.requests.filter((r) => r.status === 417).length, 0);
      await waitFor(() => logText().includes('to stay under SCP\'s request limit'), 'the log saying a request was held back');
    });

    it('without pacing the WAF answers 417: Load All waits out the window and resumes, every server once, no error row', async () => {
      const big = await loadAllBehindTheWaf({ ...scaled, burst: 10_000, intervalMs: 0 });
      assert.ok(big.requests.filter((r) => r.status === 417).length >= 1, 'the WAF did reject');
      await waitFor(() => logText().includes("SCP's firewall rejected a request: Load All waits"), 'the log saying Load All waited');
    });
  });
});
