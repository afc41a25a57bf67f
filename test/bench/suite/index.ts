// The part of `npm run bench` that runs inside a real VS Code extension host (runTests' extensionTestsPath).
// One launch measures a cold activation (activate() can run only once per host), counts requests, and with
// SCP_EXPLORER_BENCH_SCALE=1 also measures Load All, tree building and heap growth at several fleet sizes. It writes
// raw samples to the JSON file named by SCP_EXPLORER_BENCH_RESULT; runBench.ts summarises them.
// The emulator runs in a child process (see ../emulatorProcess.ts), so neither its heap nor its CPU time is counted.
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { STORAGE_KEYS } from '../../../src/constants';
import type { ExplorerApi } from '../../../src/testApi';
import {
  BENCH_ENV,
  SCALE_LATENCY_MS,
  SCALE_PAGE_SIZE,
  SMALL_FLEET,
  WAF_FLEET,
  WAF_LATENCY_MS,
  WAF_PAGE_SIZE,
  WAF_TIME_SCALE,
  type ActivationSample,
  type WafRun,
  type HostInfo,
  type LaunchResult,
  type RequestSamples,
  type ScaleRun,
  type ScaleSize,
} from '../benchTypes';
import { EmulatorClient } from '../emulatorClient';

const EXTENSION_ID = 'scp-server-explorer.scp-server-explorer';
const TREE_REPEATS = 5;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function log(text: string): void {
  console.log(`[bench] ${text}`);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(20);
  }
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('scpExplorer').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Settings changes reach the extension through events; let them land before measuring. */
async function settle(): Promise<void> {
  await sleep(300);
}

/**
 * A way to collect garbage on demand. The extension host runs without --expose-gc; the flag can still be set at
 * run time, and a new V8 context then gets the `gc` function. Without it, heap figures are medians of plain readings.
 */
function findGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') {
    return existing as () => void;
  }
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const gc = findGc();

async function heapUsed(): Promise<number> {
  await sleep(50);
  if (gc) {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  }
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(process.memoryUsage().heapUsed);
    await sleep(100);
  }
  return readings.sort((a, b) => a - b)[2];
}

type Tree = ExplorerApi['tree'];
type Node = Awaited<ReturnType<Tree['getChildren']>>[number];

/** Every row, as VS Code would ask for it with everything expanded: getChildren of each group, getTreeItem of each row. */
async function walk(tree: Tree, parent?: Node): Promise<number> {
  let rows = 0;
  for (const node of await tree.getChildren(parent)) {
    const item = tree.getTreeItem(node);
    rows++;
    if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      rows += await walk(tree, node);
    }
  }
  return rows;
}

async function showView(api: ExplorerApi, visible: boolean): Promise<void> {
  await vscode.commands.executeCommand(visible ? 'scpExplorer.servers.focus' : 'workbench.view.explorer');
  await waitFor(() => api.view.visible === visible, visible ? 'the view to show' : 'the view to hide');
}

async function measureActivation(emulator: EmulatorClient): Promise<{ api: ExplorerApi; sample: ActivationSample; list: number; vpc: number }> {
  const extension = vscode.extensions.getExtension<ExplorerApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  const wasActiveBefore = extension.isActive;
  await emulator.clearRequests();
  const callStart = performance.now();
  const api = await extension.activate();
  const callEnd = performance.now();
  const roots = await api.tree.getChildren();
  const firstChildren = performance.now();
  const startedAt = api.activation.startedAt;
  const stages = [
    ...api.activation.timeline.stages.map(([stage, at]) => ({ stage, ms: at - startedAt })),
    { stage: 'activate() returned', ms: api.activation.endedAt - startedAt },
    { stage: 'bench: extension.activate() resolved, getChildren() called', ms: callEnd - startedAt },
    { stage: 'bench: getChildren() resolved (first paint)', ms: firstChildren - startedAt },
  ].sort((a, b) => a.ms - b.ms);
  if (roots.length === 0 || api.model.servers.length === 0) {
    throw new Error(`the first getChildren showed no servers (view state ${api.model.viewState}): keys or endpoint not picked up`);
  }
  const counts = await emulator.counts();
  // One list round trip of the first page with the extension's own client, now that the host is warm.
  const listRoundTripMs: number[] = [];
  const client = api.model.connection?.client;
  for (let i = 0; client && i < 5; i++) {
    const start = performance.now();
    await client.listServers({}, { limit: 50 });
    listRoundTripMs.push(performance.now() - start);
  }
  // The key's read from SecretStorage, the other wait every first paint has before its request can be signed.
  const secretReadMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await api.context.secrets.get(STORAGE_KEYS.accessKey);
    secretReadMs.push(performance.now() - start);
  }
  return {
    api,
    sample: {
      wasActiveBefore,
      activateMs: api.activation.endedAt - api.activation.startedAt,
      activateCallMs: callEnd - callStart,
      firstChildrenMs: firstChildren - api.activation.startedAt,
      listRoundTripMs,
      secretReadMs,
      stages,
    },
    list: counts.list,
    vpc: counts.vpc,
  };
}

async function countRequests(api: ExplorerApi, emulator: EmulatorClient, runs: number, first: { list: number; vpc: number }): Promise<RequestSamples> {
  const samples: RequestSamples = {
    firstPaintList: [first.list],
    firstPaintVpc: [first.vpc],
    expandAll: [],
    loadMore: [],
    refreshList: [],
    refreshVpc: [],
    filterList: [],
    filterVpc: [],
    filterQuery: [],
  };
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      // First paint again: a new connection (VPC names are cached per connection), then the view's first getChildren.
      api.model.reconnect();
      await emulator.clearRequests();
      await api.tree.getChildren();
      const counts = await emulator.counts();
      samples.firstPaintList.push(counts.list);
      samples.firstPaintVpc.push(counts.vpc);
    }

    await emulator.clearRequests();
    await walk(api.tree);
    samples.expandAll.push((await emulator.counts()).total);

    await emulator.clearRequests();
    const loadMore = await vscode.commands.executeCommand('scpExplorer.loadMore');
    if (loadMore !== 'loaded') {
      throw new Error(`Load more answered ${String(loadMore)}`);
    }
    samples.loadMore.push((await emulator.counts()).list);

    await emulator.clearRequests();
    await vscode.commands.executeCommand('scpExplorer.refresh');
    const refresh = await emulator.counts();
    samples.refreshList.push(refresh.list);
    samples.refreshVpc.push(refresh.vpc);

    // The filter commands are still being built: the tree's own entry point, which they will call.
    await emulator.clearRequests();
    await api.model.setQuery({ state: 'ACTIVE' });
    const filter = await emulator.counts();
    samples.filterList.push(filter.list);
    samples.filterVpc.push(filter.vpc);
    samples.filterQuery = filter.lastListQuery;
    if (api.model.servers.some((server) => server.state !== 'ACTIVE')) {
      throw new Error('the filter did not apply');
    }
    await api.model.setQuery({});
  }
  return samples;
}

/** From a new connection with the first page loaded, `scpExplorer.loadAll` to the end. */
async function loadAll(api: ExplorerApi, emulator: EmulatorClient, servers: number): Promise<{ ms: number; pages: number; emulatorMs: number; turnMs: number[] }> {
  await api.tree.getChildren();
  await emulator.clearRequests();
  const started = performance.now();
  const outcome = await vscode.commands.executeCommand('scpExplorer.loadAll');
  const ms = performance.now() - started;
  const counts = await emulator.counts();
  if (outcome !== 'complete' || api.model.servers.length !== servers) {
    throw new Error(`Load All answered ${String(outcome)} with ${api.model.servers.length} of ${servers} servers`);
  }
  return { ms, pages: counts.list, emulatorMs: counts.listServerMs, turnMs: counts.listTurnMsEach };
}

async function scaleRun(api: ExplorerApi, emulator: EmulatorClient, servers: number): Promise<ScaleRun> {
  // A new connection and nothing loaded, the view hidden so nothing asks for it yet: the heap baseline.
  await showView(api, false);
  api.model.reconnect();
  await sleep(100);
  if (api.model.servers.length !== 0) {
    throw new Error('servers still loaded at the baseline');
  }
  const before = await heapUsed();

  // The view shown, as when a user clicks Load All: VS Code redraws it while pages arrive.
  await showView(api, true);
  const shown = await loadAll(api, emulator, servers);
  await sleep(300);

  // Grouping and every tree item, from the loaded servers: the work of one regroup or one page arriving. The view
  // is hidden so VS Code's own redraws do not compete (the timed part never yields to the event loop anyway).
  await showView(api, false);
  await sleep(100);
  const treeMs: number[] = [];
  let nodes = 0;
  for (let i = 0; i < TREE_REPEATS; i++) {
    api.tree.setGroupBy('stateVpc');
    await sleep(20);
    const start = performance.now();
    api.tree.setGroupBy('vpcState');
    nodes = await walk(api.tree);
    treeMs.push(performance.now() - start);
  }
  await sleep(100);
  const after = await heapUsed();

  // Load All again with the view hidden: what the redraws cost, by difference.
  api.model.reconnect();
  const hidden = await loadAll(api, emulator, servers);

  return {
    loaded: servers,
    loadAllMs: shown.ms,
    pages: shown.pages,
    ratio: shown.ms / (shown.pages * SCALE_LATENCY_MS + shown.emulatorMs),
    emulatorMs: shown.emulatorMs,
    turnMs: shown.turnMs,
    hiddenLoadAllMs: hidden.ms,
    hiddenPages: hidden.pages,
    hiddenEmulatorMs: hidden.emulatorMs,
    hiddenTurnMs: hidden.turnMs,
    treeMs,
    nodes,
    heapGrowthBytes: after - before,
  };
}

async function measureScale(api: ExplorerApi, sizes: number[], runs: number): Promise<ScaleSize[]> {
  // These figures are the client's and the tree's cost; the WAF pacing (one request every 1.5 s after a burst of 20,
  // on purpose) would only add that wait to the larger fleets.
  api.pacing.budget = { burst: Number.MAX_SAFE_INTEGER, intervalMs: 0, rejectionWaitMs: 60_000 };
  await setSetting('pageSize', SCALE_PAGE_SIZE);
  // Following the fleet's changing servers would add its own list request between the pages; it has its own section.
  await setSetting('followChangingServers', false);
  await settle();
  const results: ScaleSize[] = [];
  for (const servers of sizes) {
    const emulator = await EmulatorClient.start(servers);
    try {
      await emulator.setLatency(SCALE_LATENCY_MS);
      await setSetting('endpoint', emulator.url);
      await settle();
      const size: ScaleSize = { servers, pageSize: SCALE_PAGE_SIZE, latencyMs: SCALE_LATENCY_MS, runs: [] };
      for (let run = 0; run < runs; run++) {
        const result = await scaleRun(api, emulator, servers);
        log(
          `${servers} servers, run ${run + 1}/${runs}: Load All ${result.loadAllMs.toFixed(0)} ms for ${result.pages} pages ` +
            `(×${result.ratio.toFixed(3)}; emulator ${result.emulatorMs.toFixed(1)} ms; view hidden ${result.hiddenLoadAllMs.toFixed(0)} ms), ` +
            `tree ${result.treeMs.map((ms) => ms.toFixed(1)).join('/')} ms, ` +
            `heap +${(result.heapGrowthBytes / 1024 / 1024).toFixed(1)} MB`,
        );
        size.runs.push(result);
      }
      results.push(size);
    } finally {
      await showView(api, false);
      api.model.reconnect();
      await emulator.stop();
    }
  }
  await setSetting('followChangingServers', undefined);
  return results;
}

/**
 * Load All of WAF_FLEET servers where the service gives pages of WAF_PAGE_SIZE, with the emulated WAF (80 requests
 * per window) and the limiter's budget both scaled down in time by WAF_TIME_SCALE, from the first page loaded.
 */
async function measureWaf(api: ExplorerApi, runs: number): Promise<WafRun[]> {
  const budget = { burst: 20, intervalMs: 1500 / WAF_TIME_SCALE, rejectionWaitMs: 60_000 / WAF_TIME_SCALE };
  const waf = { requests: 80, windowMs: 60_000 / WAF_TIME_SCALE };
  api.pacing.budget = budget;
  await setSetting('pageSize', WAF_PAGE_SIZE);
  const emulator = await EmulatorClient.start(WAF_FLEET);
  const results: WafRun[] = [];
  try {
    await emulator.setLatency(WAF_LATENCY_MS);
    await emulator.setWaf(waf, WAF_PAGE_SIZE);
    await setSetting('endpoint', emulator.url);
    await settle();
    await showView(api, true);
    for (let run = 0; run < runs; run++) {
      // A new connection (a new limiter), then a quiet spell so the WAF's window holds none of the last run.
      api.model.reconnect();
      await sleep(waf.windowMs + 200);
      await api.tree.getChildren();
      await sleep(waf.windowMs + 200);
      await emulator.clearRequests();
      const started = performance.now();
      const outcome = await vscode.commands.executeCommand('scpExplorer.loadAll');
      const ms = performance.now() - started;
      const counts = await emulator.counts();
      if (outcome !== 'complete' || api.model.servers.length !== WAF_FLEET) {
        throw new Error(`Load All under the WAF answered ${String(outcome)} with ${api.model.servers.length} of ${WAF_FLEET} servers`);
      }
      results.push({ ms, requests: counts.list, rejected: counts.rejected, serverMsEach: counts.listServerMsEach, budget, waf, latencyMs: WAF_LATENCY_MS });
      log(`WAF: Load All ${ms.toFixed(0)} ms, ${counts.list} list requests, ${counts.rejected} rejected`);
    }
  } finally {
    await showView(api, false);
    api.model.reconnect();
    api.pacing.budget = { burst: 20, intervalMs: 1500, rejectionWaitMs: 60_000 };
    await emulator.stop();
  }
  return results;
}

export async function run(): Promise<void> {
  const resultFile = process.env[BENCH_ENV.result];
  if (!resultFile) {
    throw new Error(`${BENCH_ENV.result} is not set: run this suite through 'npm run bench'`);
  }
  const runs = Math.max(1, Number(process.env[BENCH_ENV.runs] ?? 3) || 3);
  const host: HostInfo = { vscodeVersion: vscode.version, node: process.version, platform: process.platform, arch: process.arch, heapMethod: gc ? 'gc' : 'no-gc' };

  const small = await EmulatorClient.start(SMALL_FLEET);
  let api: ExplorerApi | undefined;
  try {
    // Before activation: the endpoint setting points at the emulator; the keys come from the environment.
    await setSetting('endpoint', small.url);
    await settle();
    if (process.env[BENCH_ENV.warmEmulator] === '1') {
      log(`emulator warmed: ${JSON.stringify(await small.warm())}`);
    }
    const activation = await measureActivation(small);
    api = activation.api;
    log(
      `activate() ${activation.sample.activateMs.toFixed(1)} ms, with loading the bundle ${activation.sample.activateCallMs.toFixed(1)} ms, ` +
        `to the first getChildren ${activation.sample.firstChildrenMs.toFixed(1)} ms (${activation.list} list + ${activation.vpc} VPC requests)`,
    );
    const requests = await countRequests(api, small, runs, activation);
    const result: LaunchResult = { host, activation: activation.sample, requests };
    if (process.env[BENCH_ENV.scale] === '1') {
      const sizes = (process.env[BENCH_ENV.sizes] ?? '1000,10000,50000').split(',').map(Number).filter((n) => n > 0);
      result.scale = await measureScale(api, sizes, runs);
      result.waf = await measureWaf(api, Math.min(runs, 3));
    }
    fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  } finally {
    await setSetting('pageSize', undefined);
    await setSetting('endpoint', undefined);
    await small.stop();
  }
}
