// What one launch of the bench suite in the extension host writes (raw samples); runBench.ts summarises them.

/** Environment variables the runner gives the extension host (runTests' extensionTestsEnv). */
export const BENCH_ENV = {
  /** Where the suite writes its LaunchResult JSON. */
  result: 'SCP_EXPLORER_BENCH_RESULT',
  /** `1`: also run the scale part (one launch does). */
  scale: 'SCP_EXPLORER_BENCH_SCALE',
  /** Comma-separated server counts of the scale part, e.g. `1000,10000,50000`. */
  sizes: 'SCP_EXPLORER_BENCH_SIZES',
  /** Repetitions of each scale size, and of the request counts. */
  runs: 'SCP_EXPLORER_BENCH_RUNS',
  /** `1`: the emulator warms itself up before the activation is measured. */
  warmEmulator: 'SCP_EXPLORER_BENCH_WARM_EMULATOR',
} as const;

export const SCALE_PAGE_SIZE = 1000;
export const SCALE_LATENCY_MS = 50;
/**
 * Load All under the WAF: the limiter's budget and the emulated WAF's window divided by this, so a run takes
 * seconds instead of minutes; the ratio of the two (20 + 1 per 1.5 s against 80 per 60 s) is kept.
 */
export const WAF_TIME_SCALE = 40;
export const WAF_FLEET = 10_000;
/** The service caps pages at the pageSize setting's 50, so Load All needs 200 requests, more than one burst. */
export const WAF_PAGE_SIZE = 50;
export const WAF_LATENCY_MS = 20;

/** Servers of the emulator for activation and request counts (the extension's default page size: 50). */
export const SMALL_FLEET = 300;

export interface HostInfo {
  vscodeVersion: string;
  /** Node of the extension host (code-server runs its own). */
  node: string;
  platform: string;
  arch: string;
  /** How heap growth was measured. */
  heapMethod: 'gc' | 'no-gc';
}

export interface ActivationSample {
  /** The extension was already active before the suite asked (the figures then describe that earlier activation). */
  wasActiveBefore: boolean;
  /** activate() itself, from the hook in src/extension.ts. */
  activateMs: number;
  /** `extension.activate()` as the suite called it: VS Code loading dist/extension.js, plus activate(). */
  activateCallMs: number;
  /** From the start of activate() until the first getChildren() of the view resolved with the first page. */
  firstChildrenMs: number;
  /** One list request (the first page) by the extension's own client in the same host, after activation. */
  listRoundTripMs: number[];
  /** One read of the access key from VS Code's SecretStorage (as the extension reads it), after activation. */
  secretReadMs: number[];
  /** Each stage on the way to the first rows (the extension's startup timeline and the suite's own calls), ms after activate() started. */
  stages: { stage: string; ms: number }[];
}

export interface WafRun {
  ms: number;
  /** List requests, 417s included. */
  requests: number;
  rejected: number;
  /** The emulator's own time per list request (Server-Timing). */
  serverMsEach: number[];
  budget: { burst: number; intervalMs: number; rejectionWaitMs: number };
  waf: { requests: number; windowMs: number };
  latencyMs: number;
}

export interface RequestSamples {
  firstPaintList: number[];
  firstPaintVpc: number[];
  expandAll: number[];
  loadMore: number[];
  refreshList: number[];
  refreshVpc: number[];
  filterList: number[];
  filterVpc: number[];
  /** The filter request's query, once, to show it was the filtered one. */
  filterQuery: string[];
}

export interface ScaleRun {
  loaded: number;
  /** `scpExplorer.loadAll` with the view shown, from the first page loaded to the command resolving. */
  loadAllMs: number;
  /** List requests Load All sent (the last one answers the short or empty page). */
  pages: number;
  /** loadAllMs / (pages × latency + emulatorMs). */
  ratio: number;
  /** Of loadAllMs, what the emulator spent on building and serialising its answers (see emulatorProcess.ts). */
  emulatorMs: number;
  /** Per page: the previous answer written → this request arrived (RequestCounts.listTurnMsEach). */
  turnMs: number[];
  /** The same Load All with the view hidden (nothing redraws while pages arrive). */
  hiddenLoadAllMs: number;
  hiddenPages: number;
  hiddenEmulatorMs: number;
  hiddenTurnMs: number[];
  /** Group + build every node + getTreeItem of every node, a few times per run (view hidden). */
  treeMs: number[];
  /** Rows of the tree (groups and servers). */
  nodes: number;
  /** heapUsed after Load All and the tree, minus before, both after gc. */
  heapGrowthBytes: number;
}

export interface ScaleSize {
  servers: number;
  pageSize: number;
  latencyMs: number;
  runs: ScaleRun[];
}

export interface LaunchResult {
  host: HostInfo;
  activation: ActivationSample;
  requests: RequestSamples;
  scale?: ScaleSize[];
  waf?: WafRun[];
}
