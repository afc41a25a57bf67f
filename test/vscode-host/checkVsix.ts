// `npm run test:vsix`: the packaged extension, checked as a user gets it.
//
//   node out/test/vscode-host/checkVsix.js [--vsix FILE] [--screenshot FILE.png] [--min-rows N] [--servers N]
//                                          [--contents-only]
//
// 1. Packages the extension the way `npm run package` does (the same vsce flags, from package.json's "package"
//    script; vsce runs `vscode:prepublish`, the production bundle), into a scratch folder. `--vsix FILE` checks
//    that file instead.
// 2. Unpacks the vsix (yauzl, in vsixContents.ts) and fails on sources, tests, source maps, node_modules, build,
//    CI, editor or docs folders, and on anything not on the allow-list there; checks that the manifest's `main`
//    and the media it names are inside, and that the bundle is the production one.
// 3. Installs it with code-server `--install-extension` into a scratch extensions folder, starts code-server on that
//    folder without extensionDevelopmentPath (so the installed copy is the one that runs), with the SCP emulator as
//    `scpExplorer.endpoint` and the demo keys in SCP_TF_ACCESS_KEY/SCP_TF_SECRET_KEY, opens the workbench in headless
//    chromium, clicks the SCP activity-bar entry and waits for at least --min-rows (default 10) tree rows that are
//    emulator servers. `--contents-only` stops after step 2.
// code-server, chromium and the emulator are stopped and the scratch folders removed however it ends. The last
// line is `N passed, N failed`; the exit code is 0 only when every check passed.
// Needs `npm run compile-tests`. Runs install.sh first for the headless VS Code tools (it returns at once when
// they are there; SCP_EXPLORER_TOOLS as there; SCP_EXPLORER_SKIP_TOOLS_INSTALL=1 skips it).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { installExtension, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { stopProcessGroup } from './processGroup';
import { assertToolsInstalled, repositoryRoot, resolveToolsPaths } from './toolsPaths';
import { judgeVsixEntries, manifestProblems, readVsixFiles, type PackedManifest } from './vsixContents';
import { clickActivityBarEntry, launchWorkbenchBrowser, waitForWorkbench, type PlaywrightPage, type WorkbenchBrowser } from './workbenchBrowser';
import { parseArgs as parseCommandLine } from 'node:util';

// ---------------------------------------------------------------------------------------------------------------
// Running it

interface Options {
  vsix?: string;
  screenshot?: string;
  minRows: number;
  servers: number;
  contentsOnly: boolean;
}

function positiveCount(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) {
    return fallback;
  }
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`--${flag} needs a whole number above 0`);
  }
  return n;
}

function parseArgs(argv: readonly string[]): Options {
  // node:util's parser: unknown flags and missing values are errors that name the flag.
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      vsix: { type: 'string' },
      screenshot: { type: 'string' },
      'min-rows': { type: 'string' },
      servers: { type: 'string' },
      'contents-only': { type: 'boolean', default: false },
    },
  });
  return {
    vsix: values.vsix === undefined ? undefined : path.resolve(values.vsix),
    screenshot: values.screenshot === undefined ? undefined : path.resolve(values.screenshot),
    minRows: positiveCount('min-rows', values['min-rows'], 10),
    servers: positiveCount('servers', values.servers, 120),
    contentsOnly: values['contents-only'],
  };
}

/** The arguments of package.json's `package` script after `vsce`, with its --out replaced by `out`. */
function vscePackageArgs(packageScript: string, out: string): string[] {
  const words = packageScript.trim().split(/\s+/);
  if (words[0] !== 'vsce' || words[1] !== 'package') {
    throw new Error(`package.json "package" script is not \`vsce package …\`: ${packageScript}`);
  }
  const args: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i] === '--out' || words[i] === '-o') {
      i++; // and its value
    } else if (!words[i].startsWith('--out=')) {
      args.push(words[i]);
    }
  }
  return [...args, '--out', out];
}

/** Runs vsce like `npm run package`, but into `out`; rejects with vsce's output when it fails. */
async function packageVsix(root: string, out: string, timeoutMs = 300_000): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.package;
  if (!script) {
    throw new Error('package.json has no "package" script');
  }
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  if (!fs.existsSync(vsce)) {
    throw new Error(`${vsce} is missing: run npm install`);
  }
  const args = vscePackageArgs(script, out);
  console.log(`$ vsce ${args.join(' ')}`);
  // Its own process group, so a timeout also stops the prepublish build it started.
  const child = spawn(vsce, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let timer: NodeJS.Timeout | undefined;
  const result = await new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`timed out after ${timeoutMs} ms`), timeoutMs);
    child.on('error', (error) => resolve(`could not start: ${error.message}`));
    child.on('exit', (code, signal) => resolve(code === 0 ? 'ok' : `exit ${code ?? signal}`));
  });
  clearTimeout(timer);
  if (child.pid) {
    await stopProcessGroup(child.pid, 1000);
  }
  if (result !== 'ok' || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (${result}):\n${output.trim()}`);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)` : `${bytes} bytes`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface SideBarState {
  /** aria-labels of the tree rows in the side bar. */
  labels: string[];
  /** Its visible text, for the report when no rows come. */
  text: string;
  /** The window title: `[Extension Development Host] …` would mean a development copy is loaded. */
  title: string;
}

async function sideBarState(page: PlaywrightPage): Promise<SideBarState> {
  return page.evaluate<SideBarState>(`(() => {
    const bar = document.querySelector('.part.sidebar');
    const rows = bar ? Array.from(bar.querySelectorAll('.monaco-list-row')) : [];
    return {
      labels: rows.map((row) => row.getAttribute('aria-label') || ''),
      text: bar ? bar.innerText : '(no side bar)',
      title: document.title,
    };
  })()`);
}

/** Rows whose aria-label is `<name>, <state>, …` of a server in the emulator's dataset. */
function emulatorServerRows(labels: readonly string[], servers: ReadonlyArray<{ name: string; state: string }>): string[] {
  const prefixes = new Set(servers.filter((server) => server.name).map((server) => `${server.name}, ${server.state}, `));
  return labels.filter((label) => [...prefixes].some((prefix) => label.startsWith(prefix)));
}

class Checks {
  passed = 0;
  failed = 0;
  pass(name: string, detail = ''): void {
    this.passed++;
    console.log(`✔ ${name}${detail ? ` — ${detail}` : ''}`);
  }
  fail(name: string, detail: string): void {
    this.failed++;
    console.log(`✘ ${name}\n${detail.replace(/^/gm, '    ')}`);
  }
}

const PROBE_OUTPUT_ENV = 'SCP_EXPLORER_EXPORTS_PROBE_OUT';

/**
 * Another extension's view of ours: a throw-away extension, loaded as the development extension beside the installed
 * vsix, activates ours and writes down what it got. Any extension could do the same, so it must get nothing.
 */
async function probeExports(page: PlaywrightPage, server: CodeServer, scratchDir: string, folder: string, out: string): Promise<Record<string, unknown>> {
  const probeDir = path.join(scratchDir, 'exports-probe');
  fs.mkdirSync(probeDir, { recursive: true });
  const manifest = { name: 'exports-probe', publisher: 'scp-explorer-tests', version: '0.0.1', engines: { vscode: '^1.90.0' }, activationEvents: ['onStartupFinished'], main: './probe.js' };
  fs.writeFileSync(path.join(probeDir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(
    path.join(probeDir, 'probe.js'),
    `exports.activate = async () => {
  const vscode = require('vscode');
  const extension = vscode.extensions.getExtension('scp-server-explorer.scp-server-explorer');
  let result;
  try {
    const exported = extension ? await extension.activate() : undefined;
    result = { found: Boolean(extension), exportsType: typeof exported, keys: exported && typeof exported === 'object' ? Object.keys(exported) : [] };
  } catch (error) {
    result = { error: String(error) };
  }
  require('fs').writeFileSync(process.env.${PROBE_OUTPUT_ENV}, JSON.stringify(result));
};\n`,
  );
  const payload: [string, string][] = [['extensionDevelopmentPath', `vscode-remote://${server.authority}${probeDir}`], ['skipWelcome', 'true']];
  await page.goto(workbenchUrl(server, folder, payload), { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(out) && Date.now() < deadline) {
    await sleep(250);
  }
  return fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : { error: 'the probe extension wrote nothing within 60 s' };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = repositoryRoot();
  const checks = new Checks();
  const startedAt = Date.now();
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-vsix-check-'));
  let emulator: ScpEmulator | undefined;
  let server: CodeServer | undefined;
  let browser: WorkbenchBrowser | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      // The browser first: with code-server gone it would only log reconnection attempts.
      await browser?.close().catch(() => undefined);
      await server?.stop().catch(() => undefined);
      await emulator?.stop().catch(() => undefined);
      await fs.promises.rm(scratchDir, { recursive: true, force: true, maxRetries: 3 });
    })());
  let summarised = false;
  const printSummary = (): void => {
    if (!summarised) {
      summarised = true;
      console.log(`(${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
      console.log(`${checks.passed} passed, ${checks.failed} failed`);
    }
  };
  // Ctrl+C or a kill: clean up before going (Node would exit without it, leaving code-server and chromium).
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      checks.fail('the check ran to the end', `interrupted by ${signal}`);
      void cleanUp().finally(() => {
        printSummary();
        process.exit(code);
      });
    });
  }

  try {
    // 1. Package (or take the given vsix).
    let vsix = options.vsix;
    if (vsix) {
      if (fs.existsSync(vsix)) {
        checks.pass('vsix given', vsix);
      } else {
        checks.fail('vsix given', `${vsix} does not exist`);
        return 1;
      }
    } else {
      vsix = path.join(scratchDir, 'scp-server-explorer.vsix');
      const packagingStarted = Date.now();
      try {
        await packageVsix(root, vsix);
        checks.pass('vsce package', `${((Date.now() - packagingStarted) / 1000).toFixed(1)} s`);
      } catch (error) {
        checks.fail('vsce package', (error as Error).message);
        return 1;
      }
    }

    // 2. Its contents.
    let files: Map<string, Buffer>;
    try {
      files = await readVsixFiles(vsix);
    } catch (error) {
      checks.fail('vsix is a zip', (error as Error).message);
      return 1;
    }
    console.log(`vsix: ${formatSize(fs.statSync(vsix).size)}, ${files.size} files:`);
    for (const [name, bytes] of files) {
      console.log(`  ${name.padEnd(40)} ${formatSize(bytes.length)}`);
    }
    const verdict = judgeVsixEntries([...files.keys()]);
    if (verdict.forbidden.length === 0) {
      checks.pass('no sources, tests, source maps or node_modules in the vsix');
    } else {
      checks.fail(
        'no sources, tests, source maps or node_modules in the vsix',
        verdict.forbidden.map((hit) => `${hit.name}: ${hit.reason}`).join('\n') + '\nFix .vscodeignore.',
      );
    }
    if (verdict.notAllowed.length === 0) {
      checks.pass('every vsix entry is on the allow-list');
    } else {
      checks.fail(
        'every vsix entry is on the allow-list',
        `${verdict.notAllowed.join('\n')}\nFix .vscodeignore, or ALLOWED_VSIX_ENTRIES in test/vscode-host/vsixContents.ts if it belongs in the extension.`,
      );
    }
    const problems = manifestProblems(files);
    if (problems.length === 0) {
      checks.pass('the manifest\'s main and media are packed, production bundle');
    } else {
      checks.fail('the manifest\'s main and media are packed, production bundle', problems.join('\n'));
    }
    if (options.contentsOnly) {
      return checks.failed === 0 ? 0 : 1;
    }

    // 3. Install it and see the view render the emulator's servers.
    if (process.env.SCP_EXPLORER_SKIP_TOOLS_INSTALL !== '1') {
      // Returns at once when the tools are there (as in runIntegrationTests).
      const install = spawnSync('bash', [path.join(root, 'test', 'vscode-host', 'install.sh')], { stdio: 'inherit' });
      if (install.status !== 0) {
        throw new Error(`test/vscode-host/install.sh failed (${install.status ?? install.signal})`);
      }
    }
    const tools = resolveToolsPaths();
    assertToolsInstalled(tools);
    const extensionsDir = path.join(scratchDir, 'extensions');
    const packedManifest = files.get('extension/package.json');
    const manifest = packedManifest ? (JSON.parse(packedManifest.toString('utf8')) as PackedManifest) : {};
    const extensionId = `${manifest.publisher}.${manifest.name}`;
    try {
      const output = await installExtension({ tools, vsix, extensionsDir });
      const installedDir = path.join(extensionsDir, `${extensionId}-${manifest.version}`.toLowerCase());
      if (!fs.existsSync(path.join(installedDir, 'package.json'))) {
        throw new Error(`${output}\nbut ${installedDir}/package.json is not there; the extensions folder holds: ${fs.readdirSync(extensionsDir).join(', ')}`);
      }
      checks.pass('code-server --install-extension', `${output.split('\n').pop() ?? ''} → ${path.basename(installedDir)}`);
    } catch (error) {
      checks.fail('code-server --install-extension', (error as Error).message);
      return 1;
    }

    emulator = new ScpEmulator({ serverCount: options.servers });
    await emulator.start();
    const codeServerOutput: string[] = [];
    const probeOut = path.join(scratchDir, 'exports-probe.json');
    server = await startCodeServer({
      tools,
      extensionsDir, // the installed copy, and no extensionDevelopmentPath: what a user runs
      // Honours the probe extension's development path below; the first window opens without one.
      smokeTestDriver: true,
      settings: { 'scpExplorer.endpoint': emulator.url, 'scpExplorer.groupBy': 'none' },
      env: { SCP_TF_ACCESS_KEY: DEMO_ACCESS_KEY, SCP_TF_SECRET_KEY: DEMO_SECRET_KEY, [PROBE_OUTPUT_ENV]: probeOut },
      onOutput: (line) => codeServerOutput.push(line),
    });
    browser = await launchWorkbenchBrowser({ tools });
    const page = browser.page;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const folder = path.join(scratchDir, 'workspace');
    fs.mkdirSync(folder);
    const viewCheck = `the installed extension shows ≥ ${options.minRows} emulator servers in the SCP view`;
    let seen: SideBarState = { labels: [], text: '', title: '' };
    let matching: string[] = [];
    try {
      await page.goto(workbenchUrl(server, folder, [['skipWelcome', 'true']]), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await waitForWorkbench(page);
      await clickActivityBarEntry(page, 'SCP');
      const deadline = Date.now() + 60_000;
      for (;;) {
        seen = await sideBarState(page);
        matching = emulatorServerRows(seen.labels, emulator.servers);
        if (matching.length >= options.minRows || Date.now() > deadline) {
          break;
        }
        await sleep(250);
      }
    } catch (error) {
      seen.text = `${seen.text}\n(${(error as Error).message.split('\n')[0]})`;
    }
    if (options.screenshot) {
      await fs.promises.mkdir(path.dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot }).then(
        () => console.log(`screenshot: ${options.screenshot}`),
        (error: Error) => console.log(`screenshot failed: ${error.message}`),
      );
    }
    const serverRequests = emulator.requests.filter((request) => request.path === '/v1/servers');
    const requestSummary = serverRequests.map((request) => `${request.method} ${request.rawTarget} → ${request.status}${request.signatureVerified ? ', signed' : ''}`);
    const developmentHost = seen.title.includes('Extension Development Host');
    if (matching.length >= options.minRows && !developmentHost) {
      checks.pass(viewCheck, `${matching.length} rows, e.g. "${matching[0]}"`);
    } else {
      checks.fail(
        viewCheck,
        [
          ...(developmentHost ? [`the window is an Extension Development Host ("${seen.title}"), not the installed copy`] : []),
          `${matching.length} matching rows; the side bar's rows: ${seen.labels.length ? seen.labels.map((label) => JSON.stringify(label)).join(', ') : '(none)'}`,
          `side bar text:\n${seen.text.trim()}`,
          `emulator requests to /v1/servers: ${requestSummary.length ? requestSummary.join('; ') : '(none)'}`,
          ...(pageErrors.length ? [`page errors: ${pageErrors.slice(0, 5).join('; ')}`] : []),
          `code-server output (last lines):\n${codeServerOutput.slice(-20).join('\n')}`,
        ].join('\n'),
      );
    }
    const accepted = serverRequests.filter((request) => request.signatureVerified && request.status === 200);
    if (accepted.length > 0) {
      checks.pass('the emulator served signed server listings', `${accepted.length} of ${serverRequests.length} requests to /v1/servers`);
    } else {
      checks.fail('the emulator served signed server listings', requestSummary.length ? requestSummary.join('\n') : 'no requests to /v1/servers');
    }

    const exportsCheck = 'the installed extension exports nothing to other extensions';
    const probe = await probeExports(page, server, scratchDir, folder, probeOut);
    if (probe.found === true && probe.exportsType === 'undefined') {
      checks.pass(exportsCheck, 'activate() of the installed copy returned undefined to another extension');
    } else {
      checks.fail(exportsCheck, JSON.stringify(probe));
    }
    return checks.failed === 0 ? 0 : 1;
  } catch (error) {
    checks.fail('the check itself ran', error instanceof Error ? error.stack ?? error.message : String(error));
    return 1;
  } finally {
    await cleanUp();
    printSummary();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
