// `npm run bench`: size, activation, request counts and scale of the extension, as a table on stdout and as JSON
// (bench-results/bench.json). Each figure is the median of several runs with min and max, all from this one run of
// the command on this machine. Nothing here is part of `npm test`: timings are measured and reported, never asserted.
//
//   npm run bench [-- --launches N] [-- --runs N] [-- --sizes 1000,10000,50000] [-- --warm-emulator off] [-- --out FILE]
//
//   --launches  VS Code launches (default 5). activate() runs once per extension host, so each launch gives one
//               activation sample; every launch also counts requests.
//   --runs      repetitions inside a launch: request counts per launch, scale runs per fleet size (default 5).
//   --sizes     fleet sizes of the scale part, run in the first launch (default 1000,10000,50000).
//   --warm-emulator  on (default): the emulator answers a few list and VPC requests of its own before each activation,
//               so first paint does not include the emulator process's own cold start; off keeps it in.
//   --out       the JSON file (default bench-results/bench.json).
//
// Which VS Code: like `npm run test:integration`, SCP_EXPLORER_VSCODE_EXECUTABLE or else test/vscode-host/code-headless
// (code-server + headless chromium, installed by test/vscode-host/install.sh unless SCP_EXPLORER_SKIP_TOOLS_INSTALL=1).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { groupServers } from '../../src/core/grouping';
import { clientFor } from '../support/clientFactory';
import { generateDataset } from '../emulator/dataset';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY } from '../emulator/scpEmulator';
import {
  BENCH_ENV,
  SCALE_LATENCY_MS,
  SCALE_PAGE_SIZE,
  WAF_FLEET,
  WAF_LATENCY_MS,
  WAF_PAGE_SIZE,
  WAF_TIME_SCALE,
  type LaunchResult,
  type ScaleSize,
  type ActivationSample,
  type WafRun,
} from './benchTypes';
import { summarize, type Summary } from './stats';
import { EmulatorClient } from './emulatorClient';
import { measureChangeToApply, measureFollowingCost, measureQuietFollowing, WAF_BUDGET_PER_MINUTE } from './followingCost';
import { vscodeExecutable } from '../vscode-host/runIntegrationTests';

const root = path.resolve(__dirname, '..', '..', '..');
const KB = 1024;
const MB = 1024 * 1024;
/** The tree and heap-growth targets apply to this fleet size. */
const TARGET_FLEET = 10_000;
/** Load All ÷ floor is judged at these sizes. */
const LOAD_ALL_TARGET_FLEETS = [10_000, 50_000];
/** Heap per loaded server is judged at this size. */
const HEAP_TARGET_FLEET = 50_000;

interface Options {
  launches: number;
  runs: number;
  sizes: number[];
  warmEmulator: boolean;
  out: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { launches: 5, runs: 5, sizes: [1_000, 10_000, 50_000], warmEmulator: true, out: path.join(root, 'bench-results', 'bench.json') };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (value === undefined) {
      throw new Error(`${name} needs a value`);
    }
    if (name === '--launches' || name === '--runs') {
      const count = Number(value);
      if (!Number.isInteger(count) || count < 1) {
        throw new Error(`${name} must be a whole number ≥ 1`);
      }
      options[name === '--launches' ? 'launches' : 'runs'] = count;
    } else if (name === '--sizes') {
      options.sizes = value.split(',').map(Number);
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
        throw new Error('--sizes takes server counts separated by commas');
      }
    } else if (name === '--warm-emulator') {
      if (value !== 'on' && value !== 'off') {
        throw new Error('--warm-emulator takes on or off');
      }
      options.warmEmulator = value === 'on';
    } else if (name === '--out') {
      options.out = path.resolve(value);
    } else {
      throw new Error(`unknown option ${name}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

type Unit = 'bytes' | 'ms' | 'count' | 'ratio' | 'MB';

interface Target {
  /** `max`: the median must not exceed it; `exact`: every sample must equal it; `atMost`: every sample ≤ it. */
  kind: 'max' | 'exact' | 'atMost';
  value: number;
}

interface Figure {
  section: string;
  name: string;
  unit: Unit;
  samples: number[];
  summary: Summary;
  target?: Target;
  met?: boolean;
}

/** Diagnostics beneath first paint: when each stage was reached, ms after activate() started, in the order of their medians. */
function firstPaintStages(section: string, activations: readonly ActivationSample[]): Figure[] {
  const byStage = new Map<string, number[]>();
  for (const { stage, ms } of activations.flatMap((a) => a.stages)) {
    byStage.set(stage, [...(byStage.get(stage) ?? []), ms]);
  }
  return [...byStage]
    .map(([stage, samples]) => ({ stage, samples, median: summarize(samples).median }))
    .sort((a, b) => a.median - b.median)
    .map(({ stage, samples }) => figure(section, `    at ${stage}`, 'ms', samples));
}

function figure(section: string, name: string, unit: Unit, samples: number[], target?: Target): Figure {
  const summary = summarize(samples);
  let met: boolean | undefined;
  if (target) {
    met =
      samples.length > 0 &&
      (target.kind === 'max'
        ? summary.median <= target.value
        : target.kind === 'exact'
          ? samples.every((s) => s === target.value)
          : samples.every((s) => s <= target.value));
  }
  return { section, name, unit, samples, summary, target, met };
}

function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) {
    return '–';
  }
  switch (unit) {
    case 'bytes':
      return `${(value / KB).toFixed(1)} KB`;
    case 'ms':
      return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'ratio':
      return value.toFixed(3);
    case 'MB':
      return `${(value / MB).toFixed(1)} MB`;
  }
}

function formatTarget(target: Target | undefined, unit: Unit): string {
  if (!target) {
    return '';
  }
  const value = unit === 'bytes' ? `${target.value / KB} KB` : unit === 'MB' ? `${target.value / MB} MB` : formatValue(target.value, unit);
  return target.kind === 'exact' ? `= ${value}` : `≤ ${value}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * MB });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
  }
  return `${result.stdout}${result.stderr}`;
}

interface SizeResult {
  bundleBytes: number;
  vsixBytes: number;
  largestInputs: string;
}

/** The production bundle as esbuild.mjs builds and reports it, then the .vsix that `npm run package` makes of it. */
function measureSize(): SizeResult {
  console.log('Building the production bundle and the .vsix …');
  const build = run(process.execPath, ['esbuild.mjs', '--production']);
  const largest = /largest inputs: (.*)/.exec(build)?.[1];
  if (!largest) {
    throw new Error(`esbuild.mjs did not print its "largest inputs" line:\n${build}`);
  }
  const bundleBytes = fs.statSync(path.join(root, 'dist', 'extension.js')).size;
  run('npm', ['run', '--silent', 'package']);
  const vsixBytes = fs.statSync(path.join(root, 'scp-server-explorer.vsix')).size;
  if (fs.statSync(path.join(root, 'dist', 'extension.js')).size !== bundleBytes) {
    throw new Error('npm run package built a different dist/extension.js than esbuild.mjs --production');
  }
  return { bundleBytes, vsixBytes, largestInputs: largest.trim() };
}

/** src/core grouping alone in plain Node (this process), on the emulator's dataset. */
function measureGrouping(sizes: readonly number[], runs: number): Map<number, number[]> {
  const results = new Map<number, number[]>();
  for (const servers of sizes) {
    const dataset = generateDataset({ serverCount: servers, seed: 7 });
    const vpcNames = new Map(dataset.vpcs.map((vpc) => [vpc.id, vpc.name]));
    for (let i = 0; i < 3; i++) {
      groupServers(dataset.servers, 'vpcState', vpcNames); // warm-up
    }
    const samples: number[] = [];
    for (let i = 0; i < Math.max(runs, 5) * 2; i++) {
      const start = performance.now();
      groupServers(dataset.servers, 'vpcState', vpcNames);
      samples.push(performance.now() - start);
    }
    results.set(servers, samples);
  }
  return results;
}

/**
 * The shortest time `rtts.length` requests in sequence can take when the n-th may not start before a slot:
 * the limiter's (a burst, then one per interval) or the WAF's (so many per window).
 */
function bestSchedule(rtts: readonly number[], slotOf: (index: number) => number): number {
  let end = 0;
  rtts.forEach((rtt, index) => {
    end = Math.max(end, slotOf(index)) + rtt;
  });
  return end;
}

function wafBest(run: WafRun): { budget: number; waf: number } {
  const rtts = run.serverMsEach.map((ms) => run.latencyMs + ms);
  return {
    budget: bestSchedule(rtts, (i) => Math.max(0, (i - (run.budget.burst - 1)) * run.budget.intervalMs)),
    waf: bestSchedule(rtts, (i) => Math.floor(i / run.waf.requests) * run.waf.windowMs),
  };
}

interface PagingRun {
  ms: number;
  pages: number;
  emulatorMs: number;
  turnMs: number[];
}

/**
 * The extension's own HTTP client (signing, axios, response parsing) paging through the fleet in plain Node, without
 * VS Code, against the same emulator process with the same latency: how much of Load All's time above the floor is
 * the client's and the payload's rather than the tree's or VS Code's. Like Load All, it starts after the first page.
 */
async function measureClientPaging(sizes: readonly number[], runs: number): Promise<Map<number, PagingRun[]>> {
  const results = new Map<number, PagingRun[]>();
  for (const servers of sizes) {
    const emulator = await EmulatorClient.start(servers);
    try {
      await emulator.setLatency(SCALE_LATENCY_MS);
      const { client } = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY }, { timeoutMs: 30_000 });
      const samples: PagingRun[] = [];
      for (let run = 0; run < runs; run++) {
        let page = await client.listServers({}, { limit: SCALE_PAGE_SIZE });
        await emulator.clearRequests();
        const started = performance.now();
        while (page.nextMarker !== undefined) {
          page = await client.listServers({}, { limit: SCALE_PAGE_SIZE, marker: page.nextMarker });
        }
        const ms = performance.now() - started;
        const counts = await emulator.counts();
        samples.push({ ms, pages: counts.list, emulatorMs: counts.listServerMs, turnMs: counts.listTurnMsEach });
      }
      results.set(servers, samples);
    } finally {
      await emulator.stop();
    }
  }
  return results;
}

/** The VS Code to run in: the same choice as the integration tests make. */
function benchExecutable(): { path: string; label: string } {
  const executable = vscodeExecutable(root);
  const label = process.env.SCP_EXPLORER_VSCODE_EXECUTABLE ? executable : 'code-server + headless chromium (test/vscode-host/code-headless)';
  return { path: executable, label };
}

async function launch(executable: string, index: number, options: Options, resultFile: string): Promise<LaunchResult> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-bench-workspace-'));
  try {
    fs.rmSync(resultFile, { force: true });
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'bench', 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: {
        [BENCH_ENV.result]: resultFile,
        [BENCH_ENV.scale]: index === 0 ? '1' : '0',
        [BENCH_ENV.sizes]: options.sizes.join(','),
        [BENCH_ENV.runs]: String(options.runs),
        [BENCH_ENV.warmEmulator]: options.warmEmulator ? '1' : '0',
        // The keys reach the extension the way the SCP tools' users give them: environment variables.
        SCP_TF_ACCESS_KEY: DEMO_ACCESS_KEY,
        SCP_TF_SECRET_KEY: DEMO_SECRET_KEY,
      },
    });
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as LaunchResult;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** Processes of another headless VS Code (another test or bench run) on this machine: they make timings noisy. */
function otherVsCodeHosts(): number {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('code-server/out/node/entry.js');
        } catch {
          return false; // gone meanwhile
        }
      }).length;
  } catch {
    return 0; // no /proc
  }
}

function gitDescription(): string {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (commit.status !== 0) {
    return 'not a git checkout';
  }
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '';
  return `${commit.stdout.trim()}${dirty ? ' with uncommitted changes' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function pad(text: string, width: number, right = false): string {
  const gap = Math.max(0, width - [...text].length);
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

function renderFigures(figures: readonly Figure[]): string[] {
  const lines: string[] = [];
  const header = `${pad('Figure', 58)}${pad('median', 11, true)}${pad('min', 11, true)}${pad('max', 11, true)}${pad('n', 5, true)}  ${pad('target', 11)} result`;
  lines.push(header, '-'.repeat([...header].length + 6));
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      lines.push(section);
    }
    const result = f.met === undefined ? '' : f.met ? 'met' : 'MISSED';
    lines.push(
      `  ${pad(f.name, 56)}${pad(formatValue(f.summary.median, f.unit), 11, true)}${pad(formatValue(f.summary.min, f.unit), 11, true)}` +
        `${pad(formatValue(f.summary.max, f.unit), 11, true)}${pad(String(f.summary.n), 5, true)}  ${pad(formatTarget(f.target, f.unit), 11)} ${result}`,
    );
  }
  return lines;
}

interface GrowthRow {
  name: string;
  /** Per fleet size, the median. */
  values: number[];
  format: (value: number) => string;
}

function renderGrowth(sizes: readonly number[], rows: readonly GrowthRow[]): string[] {
  const lines = [`${pad('Growth (medians)', 40)}${sizes.map((s) => pad(`${s.toLocaleString('en-US')} servers`, 16, true)).join('')}`];
  for (const row of rows) {
    lines.push(`  ${pad(row.name, 38)}${row.values.map((v) => pad(row.format(v), 16, true)).join('')}`);
  }
  return lines;
}

/** `linear or better` when the per-server cost at the largest size is at most 1.5× the one at the smallest. */
function growthVerdict(perServer: readonly number[], sizes: readonly number[]): string {
  if (perServer.length < 2 || !(perServer[0] > 0) || !Number.isFinite(perServer[perServer.length - 1])) {
    return 'n/a (needs two sizes)';
  }
  const factor = perServer[perServer.length - 1] / perServer[0];
  const from = sizes[0].toLocaleString('en-US');
  const to = sizes[sizes.length - 1].toLocaleString('en-US');
  return `${factor <= 1.5 ? 'linear or better' : 'WORSE than linear'}: cost per server ×${factor.toFixed(2)} from ${from} to ${to} servers`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0];
  const busyAtStart = otherVsCodeHosts();
  const size = measureSize();
  console.log('Timing src/core grouping in plain Node …');
  const grouping = measureGrouping(options.sizes, options.runs);
  console.log('Paging through the fleet with the extension client in plain Node …');
  const paging = await measureClientPaging(options.sizes, options.runs);
  console.log('Following changing servers for a simulated minute in plain Node …');
  const following = await measureFollowingCost([1, 10, 100]);
  const quietFollowing = await measureQuietFollowing();
  const changeToApply = await measureChangeToApply([300, 1000, 1700, 2400, 2900]);
  const executable = benchExecutable();

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-bench-'));
  const launches: LaunchResult[] = [];
  try {
    for (let i = 0; i < options.launches; i++) {
      console.log(`VS Code launch ${i + 1}/${options.launches}${i === 0 ? ' (with the scale part)' : ''} …`);
      launches.push(await launch(executable.path, i, options, path.join(scratch, `launch-${i}.json`)));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const host = launches[0].host;
  const scale: ScaleSize[] = launches[0].scale ?? [];
  const all = <T>(pick: (l: LaunchResult) => T[]): T[] => launches.flatMap(pick);
  const activations = launches.map((l) => l.activation);

  const activationSection = `Activation (emulator without latency${options.warmEmulator ? ', warmed up before each activation' : ''})`;
  const figures: Figure[] = [
    figure('Size', 'dist/extension.js, production', 'bytes', [size.bundleBytes], { kind: 'max', value: 150 * KB }),
    figure('Size', 'scp-server-explorer.vsix', 'bytes', [size.vsixBytes], { kind: 'max', value: 110 * KB }),
    figure(activationSection, 'activate() itself', 'ms', activations.map((a) => a.activateMs), { kind: 'max', value: 10 }),
    figure(activationSection, 'extension.activate() call, incl. loading the bundle', 'ms', activations.map((a) => a.activateCallMs)),
    figure(activationSection, 'first paint: activate() start → first server rows', 'ms', activations.map((a) => a.firstChildrenMs)),
    ...firstPaintStages(activationSection, activations),
    figure(activationSection, '  one list round trip (first page, same client, warm)', 'ms', activations.map((a) => summarize(a.listRoundTripMs).median)),
    figure(activationSection, '  one SecretStorage read of the key (warm)', 'ms', activations.map((a) => summarize(a.secretReadMs).median)),
    figure(
      activationSection,
      'first paint minus one list round trip',
      'ms',
      activations.map((a) => a.firstChildrenMs - summarize(a.listRoundTripMs).median),
      { kind: 'max', value: 20 },
    ),
    figure('Requests', 'first paint: server list requests', 'count', all((l) => l.requests.firstPaintList), { kind: 'exact', value: 1 }),
    figure('Requests', 'first paint: VPC list requests', 'count', all((l) => l.requests.firstPaintVpc), { kind: 'atMost', value: 1 }),
    figure('Requests', 'Load more: server list requests', 'count', all((l) => l.requests.loadMore), { kind: 'exact', value: 1 }),
    figure('Requests', 'Refresh: server list requests', 'count', all((l) => l.requests.refreshList), { kind: 'exact', value: 1 }),
    figure('Requests', 'Refresh: VPC list requests (names cached)', 'count', all((l) => l.requests.refreshVpc), { kind: 'exact', value: 0 }),
    figure('Requests', 'filter change (state=ACTIVE): server list requests', 'count', all((l) => l.requests.filterList), { kind: 'exact', value: 1 }),
    figure('Requests', 'filter change: VPC list requests', 'count', all((l) => l.requests.filterVpc), { kind: 'exact', value: 0 }),
    figure('Requests', 'expanding every group: requests of any kind', 'count', all((l) => l.requests.expandAll), { kind: 'exact', value: 0 }),
  ];
  const followSection = `Following changing servers, one simulated minute (WAF budget ${WAF_BUDGET_PER_MINUTE} requests / 60 s; target ≤ half)`;
  for (const f of following) {
    figures.push(
      figure(followSection, `${f.changing} changing of ${f.loaded} loaded: requests per minute`, 'count', [f.requestsPerMinute], {
        kind: 'atMost',
        value: WAF_BUDGET_PER_MINUTE / 2,
      }),
      figure(followSection, `${f.changing} changing: one read per server would be`, 'count', [f.singleReadsPerMinute]),
    );
  }
  figures.push(
    figure(followSection, 'nothing changing (300 stable servers watched): requests per minute', 'count', [quietFollowing], { kind: 'exact', value: 0 }),
    figure(
      followSection,
      `state change in the emulator → follower applies it (real ${changeToApply.intervalMs / 1000} s interval)`,
      'ms',
      changeToApply.samples,
      { kind: 'atMost', value: changeToApply.intervalMs + 100 },
    ),
  );
  const scaleSection = `Scale (pageSize ${SCALE_PAGE_SIZE}, ${SCALE_LATENCY_MS} ms emulator latency per request)`;
  for (const s of scale) {
    const label = `${s.servers.toLocaleString('en-US')} servers`;
    const atTarget = s.servers === TARGET_FLEET;
    const pages = summarize(s.runs.map((r) => r.pages)).median;
    figures.push(
      figure(scaleSection, `${label}: Load All wall time, view shown (${pages} pages)`, 'ms', s.runs.map((r) => r.loadAllMs)),
      figure(scaleSection, `${label}:   floor: pages × ${SCALE_LATENCY_MS} ms + emulator's own time`, 'ms', s.runs.map((r) => r.pages * SCALE_LATENCY_MS + r.emulatorMs)),
      figure(
        scaleSection,
        `${label}: Load All ÷ floor`,
        'ratio',
        s.runs.map((r) => r.ratio),
        LOAD_ALL_TARGET_FLEETS.includes(s.servers) ? { kind: 'max', value: 1.05 } : undefined,
      ),
      figure(scaleSection, `${label}:   between pages: answer written → next request arrived`, 'ms', s.runs.flatMap((r) => r.turnMs)),
      figure(scaleSection, `${label}:     the same, view hidden`, 'ms', s.runs.flatMap((r) => r.hiddenTurnMs)),
      figure(scaleSection, `${label}:     the same, client alone in plain Node`, 'ms', (paging.get(s.servers) ?? []).flatMap((r) => r.turnMs)),
      figure(scaleSection, `${label}:   Load All ÷ (pages × ${SCALE_LATENCY_MS} ms), the old floor`, 'ratio', s.runs.map((r) => r.loadAllMs / (r.pages * SCALE_LATENCY_MS))),
      figure(scaleSection, `${label}:   Load All wall time, view hidden, ÷ floor`, 'ratio', s.runs.map((r) => r.hiddenLoadAllMs / (r.hiddenPages * SCALE_LATENCY_MS + r.hiddenEmulatorMs))),
      figure(
        scaleSection,
        `${label}:   client alone in plain Node (no pipelining), ÷ floor`,
        'ratio',
        (paging.get(s.servers) ?? []).map((r) => r.ms / (r.pages * SCALE_LATENCY_MS + r.emulatorMs)),
      ),
      figure(scaleSection, `${label}: group + all tree items, extension host`, 'ms', s.runs.flatMap((r) => r.treeMs), atTarget ? { kind: 'max', value: 50 } : undefined),
      figure(scaleSection, `${label}:   grouping only (src/core), plain Node`, 'ms', grouping.get(s.servers) ?? []),
      figure(scaleSection, `${label}: extension-host heap growth`, 'MB', s.runs.map((r) => r.heapGrowthBytes), atTarget ? { kind: 'max', value: 40 * MB } : undefined),
      figure(
        scaleSection,
        `${label}: heap per loaded server`,
        'bytes',
        s.runs.map((r) => r.heapGrowthBytes / s.servers),
        s.servers === HEAP_TARGET_FLEET ? { kind: 'max', value: 1.5 * KB } : undefined,
      ),
    );
  }
  const wafRuns: WafRun[] = launches[0].waf ?? [];
  if (wafRuns.length > 0) {
    const w = wafRuns[0];
    const wafSection =
      `Load All under the WAF (${WAF_FLEET.toLocaleString('en-US')} servers, pages of ${WAF_PAGE_SIZE}, ${WAF_LATENCY_MS} ms latency; ` +
      `time ÷${WAF_TIME_SCALE}: limiter ${w.budget.burst} + 1 per ${w.budget.intervalMs} ms, WAF ${w.waf.requests} per ${w.waf.windowMs} ms)`;
    figures.push(
      figure(wafSection, 'Load All wall time, view shown', 'ms', wafRuns.map((r) => r.ms)),
      figure(wafSection, 'list requests', 'count', wafRuns.map((r) => r.requests)),
      figure(wafSection, '417 answers (the WAF rejected a request)', 'count', wafRuns.map((r) => r.rejected), { kind: 'exact', value: 0 }),
      figure(wafSection, 'best possible under the limiter’s budget', 'ms', wafRuns.map((r) => wafBest(r).budget)),
      figure(wafSection, 'Load All ÷ best possible under the limiter’s budget', 'ratio', wafRuns.map((r) => r.ms / wafBest(r).budget)),
      figure(wafSection, '  ÷ best possible under the WAF’s own limit', 'ratio', wafRuns.map((r) => r.ms / wafBest(r).waf)),
    );
  }

  const sizes = scale.map((s) => s.servers);
  const median = (values: number[]): number => summarize(values).median;
  const pagesOf = scale.map((s) => median(s.runs.map((r) => r.pages)));
  // Load All's cost above the latency floor, per server loaded; at a size whose Load All is one (empty) page it is
  // a fixed cost, so the verdict compares only sizes with two or more pages.
  const loadAllOverhead = scale.map((s) => median(s.runs.map((r) => (r.loadAllMs - r.pages * SCALE_LATENCY_MS - r.emulatorMs) / s.servers)));
  const treeMs = scale.map((s) => median(s.runs.flatMap((r) => r.treeMs)));
  const heap = scale.map((s) => median(s.runs.map((r) => r.heapGrowthBytes)));
  const growth: GrowthRow[] = [
    { name: 'Load All ÷ floor', values: scale.map((s) => median(s.runs.map((r) => r.ratio))), format: (v) => v.toFixed(3) },
    { name: 'Load All pages', values: pagesOf, format: (v) => String(v) },
    { name: 'Load All above the floor, per server', values: loadAllOverhead.map((v) => v * 1000), format: (v) => `${v.toFixed(1)} µs` },
    { name: 'group + tree items', values: treeMs, format: (v) => `${v.toFixed(1)} ms` },
    { name: 'group + tree items per server', values: treeMs.map((v, i) => (v * 1000) / sizes[i]), format: (v) => `${v.toFixed(2)} µs` },
    { name: 'heap growth', values: heap, format: (v) => `${(v / MB).toFixed(1)} MB` },
    { name: 'heap growth per server', values: heap.map((v, i) => v / sizes[i]), format: (v) => `${v.toFixed(0)} B` },
  ];
  const verdicts = {
    loadAll: growthVerdict(loadAllOverhead.filter((_, i) => pagesOf[i] >= 2), sizes.filter((_, i) => pagesOf[i] >= 2)),
    tree: growthVerdict(treeMs.map((v, i) => v / sizes[i]), sizes),
    heap: growthVerdict(heap.map((v, i) => v / sizes[i]), sizes),
  };

  const cpus = os.cpus();
  const machine = {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    nodeRunner: process.version,
    nodeExtensionHost: host.node,
    vscodeVersion: host.vscodeVersion,
    vscode: executable.label,
    /** Other work on the machine shows here (the bench itself keeps about one core busy). */
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    otherVsCodeProcessesAtStart: busyAtStart,
  };
  const missed = figures.filter((f) => f.met === false);

  const lines = [
    '',
    `SCP Server Explorer benchmark, ${startedAt.toISOString()}, commit ${gitDescription()}`,
    `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGB} GB, ${machine.os}; ` +
      `load average (1 min) ${machine.loadAverage.start.toFixed(2)} at the start, ${machine.loadAverage.end.toFixed(2)} at the end`,
    `Node ${machine.nodeRunner} (this runner), ${machine.nodeExtensionHost} (extension host); VS Code ${machine.vscodeVersion}: ${machine.vscode}`,
    `Runs: ${options.launches} VS Code launches (one activation each); requests ×${options.runs} per launch; scale ×${options.runs} per size in ` +
      `launch 1; heap ${host.heapMethod === 'gc' ? 'after gc() (--expose-gc set at run time)' : 'WITHOUT gc: medians of plain heapUsed readings'}`,
    'Timing targets are judged on the median; request counts on every run. KB = 1024 bytes, MB = 1024 KB.',
    ...(busyAtStart > 0
      ? [`WARNING: another headless VS Code was running when the bench started (${busyAtStart} processes): timings are noisier.`]
      : []),
    ...(activations.some((a) => a.wasActiveBefore)
      ? ['WARNING: in some launches the extension was already active before the bench activated it; those activation figures are not cold.']
      : []),
    '',
    ...renderFigures(figures),
    `  largest bundle inputs: ${size.largestInputs}`,
    '',
    ...renderGrowth(sizes, growth),
    `  Load All: ${verdicts.loadAll}`,
    `  group + tree items: ${verdicts.tree}`,
    `  heap: ${verdicts.heap}`,
    '',
    missed.length === 0
      ? 'Every target met.'
      : `Targets missed: ${missed.map((f) => `${f.name} (median ${formatValue(f.summary.median, f.unit)}, target ${formatTarget(f.target, f.unit)})`).join('; ')}`,
  ];
  console.log(lines.join('\n'));

  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(
    options.out,
    JSON.stringify(
      {
        date: startedAt.toISOString(),
        commit: gitDescription(),
        machine,
        options,
        heapMethod: host.heapMethod,
        size,
        clientPaging: Object.fromEntries(paging),
        following,
        figures: figures.map(({ section, name, unit, summary, target, met, samples }) => ({ section, name, unit, ...summary, target, met, samples })),
        growth: { sizes, rows: growth.map(({ name, values }) => ({ name, values })), verdicts },
        missed: missed.map((f) => f.name),
        launches,
      },
      null,
      2,
    ),
  );
  // A missed target is reported, not a failure: the exit code says whether the benchmark itself ran.
  console.log(`\nWrote ${path.relative(process.cwd(), options.out) || options.out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
