// Starts code-server (VS Code server + web workbench) for one run: its own process group, a free 127.0.0.1
// port, and scratch user-data, extensions and XDG folders that are removed again on stop().
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { killProcessGroupNow, killProcessesWithEnvMarker, stopProcessGroup } from './processGroup';
import type { ToolsPaths } from './toolsPaths';

/** User settings that keep a scripted workbench quiet and offline. */
const QUIET_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true, // otherwise opening Chat launches a bundled binary
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** Every descendant of code-server inherits this variable: the last-resort way to find leftovers. */
const RUN_MARKER = 'SCP_EXPLORER_VSCODE_HOST_RUN';

export interface CodeServerOptions {
  readonly tools: ToolsPaths;
  /** Lets the workbench honour extensionDevelopmentPath/extensionTestsPath and call codeAutomationExit/Log. */
  readonly smokeTestDriver?: boolean;
  /** Merged over QUIET_USER_SETTINGS into the user settings.json. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** A VS Code display language such as `ko`; see writeDisplayLanguage. */
  readonly displayLanguage?: string;
  /**
   * The extensions folder, e.g. one that installExtension filled; the caller owns it (stop() leaves it).
   * Default: an empty folder in the scratch folder.
   */
  readonly extensionsDir?: string;
  /** Extra environment for code-server and so for the extension host, which inherits it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Each line code-server prints; by default kept only for the error message of a failed start. */
  readonly onOutput?: (line: string) => void;
  readonly startTimeoutMs?: number;
}

export interface CodeServer {
  readonly port: number;
  /** `127.0.0.1:PORT`: the authority that vscode-remote:// URIs in a payload must carry. */
  readonly authority: string;
  readonly baseUrl: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly scratchDir: string;
  /** The last lines code-server printed, for error messages. */
  recentOutput(): string;
  /** Resolves when code-server exits (for whatever reason). */
  readonly exited: Promise<void>;
  /** Stops the whole process group and removes the scratch folder. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Asks the kernel for a free loopback port. Another process may still take it before code-server binds. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** SCP_EXPLORER_TEST_SETTINGS: a JSON object merged into the user settings. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const raw = env.SCP_EXPLORER_TEST_SETTINGS;
  if (!raw || !raw.trim()) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(`SCP_EXPLORER_TEST_SETTINGS is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('SCP_EXPLORER_TEST_SETTINGS must be a JSON object of settings');
  }
  return parsed as Record<string, unknown>;
}

/** SCP_EXPLORER_DISPLAY_LANGUAGE, e.g. `ko`; undefined when unset. */
export function displayLanguageFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const language = env.SCP_EXPLORER_DISPLAY_LANGUAGE?.trim();
  return language ? language : undefined;
}

function writeUserSettings(userDataDir: string, settings: Readonly<Record<string, unknown>> = {}): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...QUIET_USER_SETTINGS, ...settings }, null, 2));
}

/**
 * The display language, as far as code-server understands it. code-server's server picks the workbench locale
 * from `--locale`, else `User/argv.json` `"locale"` (what "Configure Display Language" writes), else a cookie,
 * else the browser's Accept-Language; this writes argv.json and startCodeServer also passes `--locale`.
 * Checked on code-server 4.139.1: that only has an effect with a language pack extension installed, and none
 * can be fetched offline; without one the server sends English strings and the workbench (and so
 * `vscode.env.language` in the extension host) stays `en`. workbenchBrowser's setDisplayLanguage closes that
 * gap on the page side; both are applied, so a language pack installed later would just work.
 */
function writeDisplayLanguage(userDataDir: string, language: string): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'argv.json'), JSON.stringify({ locale: language }, null, 2));
}

function waitForHealthz(baseUrl: string, deadline: number, exitedEarly: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (exitedEarly()) {
        reject(new Error('code-server exited before it was ready'));
        return;
      }
      if (Date.now() > deadline) {
        reject(new Error('code-server did not answer /healthz in time'));
        return;
      }
      const request = http.get(`${baseUrl}/healthz`, { timeout: 1000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) {
          resolve();
        } else {
          setTimeout(attempt, 100);
        }
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => setTimeout(attempt, 100));
    };
    attempt();
  });
}

/** The environment for code-server: this process's, minus what would make it talk to another editor. */
function codeServerEnv(scratchDir: string, runId: string, extra: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI makes code-server open the folder in the VS Code it runs inside of, and other
    // VSCODE_*/CODE_SERVER_* variables from a surrounding editor or code-server would leak into this one.
    if (!key.startsWith('VSCODE_') && !key.startsWith('CODE_SERVER_') && key !== 'ELECTRON_RUN_AS_NODE') {
      env[key] = value;
    }
  }
  Object.assign(env, extra);
  // Any code-server call otherwise writes into ~/.config and ~/.local/share.
  env.XDG_CONFIG_HOME = path.join(scratchDir, 'xdg', 'config');
  env.XDG_DATA_HOME = path.join(scratchDir, 'xdg', 'data');
  env.XDG_CACHE_HOME = path.join(scratchDir, 'xdg', 'cache');
  env.EXTENSIONS_GALLERY = '{}'; // no gallery: it would try to reach one
  env[RUN_MARKER] = runId;
  return env;
}

/**
 * Registers what must happen if this process exits without a clean stop: the process group and anything marked with
 * the run id are killed and the scratch folder removed. Returns the handler, for `process.off` after a clean stop.
 */
function cleanUpOnExit(pgid: number | undefined, runId: string, scratchDir: string): () => void {
  const onProcessExit = (): void => {
    if (pgid) {
      killProcessGroupNow(pgid);
    }
    killProcessesWithEnvMarker(RUN_MARKER, runId);
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };
  process.on('exit', onProcessExit);
  return onProcessExit;
}

async function startOnce(options: CodeServerOptions, port: number): Promise<CodeServer> {
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-code-server-'));
  const userDataDir = path.join(scratchDir, 'user-data');
  const extensionsDir = options.extensionsDir ? path.resolve(options.extensionsDir) : path.join(scratchDir, 'extensions');
  for (const dir of [userDataDir, extensionsDir, path.join(scratchDir, 'xdg', 'config'), path.join(scratchDir, 'xdg', 'data'), path.join(scratchDir, 'xdg', 'cache')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  writeUserSettings(userDataDir, options.settings);
  const oldest = options.tools.host === '1.90';
  const args = [
    // code-server 4.90 knows no --vscode-option: a preload lets it take --enable-smoke-test-driver instead.
    ...(oldest && options.smokeTestDriver ? ['-r', path.join(__dirname, 'smokeTestDriverOption.js')] : []),
    options.tools.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(oldest ? [] : ['--reconnection-grace-time', '10']),
  ];
  if (options.displayLanguage) {
    writeDisplayLanguage(userDataDir, options.displayLanguage);
    args.push('--locale', options.displayLanguage);
  }
  if (options.smokeTestDriver) {
    // Without it the built workbench ignores extensionDevelopmentPath/extensionTestsPath in the payload.
    args.push(...(oldest ? ['--enable-smoke-test-driver'] : ['--vscode-option', 'enable-smoke-test-driver']));
  }

  const runId = randomUUID();
  // detached: the child calls setsid, so it leads a process group of its own that stop() signals whole.
  const child = spawn(options.tools.node, args, {
    cwd: scratchDir,
    env: codeServerEnv(scratchDir, runId, options.env ?? {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  let exitedFlag = false;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exitedFlag = true;
      resolve();
    });
    child.on('error', () => {
      exitedFlag = true;
      resolve();
    });
  });

  const recent: string[] = [];
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > 60) {
      recent.shift();
    }
    options.onOutput?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }

  // If this process dies without reaching stop() (an uncaught error, process.exit), still take the group down.
  const onProcessExit = cleanUpOnExit(pgid, runId, scratchDir);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (pgid) {
        await stopProcessGroup(pgid);
      }
      killProcessesWithEnvMarker(RUN_MARKER, runId);
      await fs.promises.rm(scratchDir, { recursive: true, force: true, maxRetries: 3 });
      process.removeListener('exit', onProcessExit);
    })();
    return stopping;
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: CodeServer = {
    port,
    authority: `127.0.0.1:${port}`,
    baseUrl,
    userDataDir,
    extensionsDir,
    scratchDir,
    recentOutput: () => recent.join('\n'),
    exited,
    stop,
  };
  try {
    await waitForHealthz(baseUrl, Date.now() + (options.startTimeoutMs ?? 60_000), () => exitedFlag);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- code-server output ---\n${server.recentOutput()}`, { cause: error });
  }
  return server;
}

/** Starts code-server and resolves once it answers /healthz. Retries with another port if one is taken meanwhile. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options, await findFreePort());
    } catch (error) {
      lastError = error;
      if (!/EADDRINUSE|exited before/.test(String(error))) {
        break;
      }
    }
  }
  throw lastError;
}

export interface InstallExtensionOptions {
  readonly tools: ToolsPaths;
  /** The .vsix file to install. */
  readonly vsix: string;
  /** Where to install it: pass the same folder to startCodeServer's `extensionsDir`. */
  readonly extensionsDir: string;
  /** Default 120 s. */
  readonly timeoutMs?: number;
}

/**
 * `code --install-extension x.vsix`, done by code-server's own CLI (the same entry.js, no server started) with
 * a scratch user-data and XDG folder that is removed again. Resolves with what it printed; rejects when it exits
 * non-zero, does not report success, or takes longer than the timeout (its process group is stopped then).
 */
export async function installExtension(options: InstallExtensionOptions): Promise<string> {
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-install-'));
  const userDataDir = path.join(scratchDir, 'user-data');
  const extensionsDir = path.resolve(options.extensionsDir);
  for (const dir of [userDataDir, extensionsDir, path.join(scratchDir, 'xdg', 'config'), path.join(scratchDir, 'xdg', 'data'), path.join(scratchDir, 'xdg', 'cache')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const vsix = path.resolve(options.vsix);
  const runId = randomUUID();
  const child = spawn(
    options.tools.node,
    [options.tools.codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { cwd: scratchDir, env: codeServerEnv(scratchDir, runId, {}), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pgid = child.pid;
  const onProcessExit = cleanUpOnExit(pgid, runId, scratchDir);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`timed out after ${timeoutMs} ms`), timeoutMs);
      child.on('error', (error) => resolve(`could not start: ${error.message}`));
      child.on('exit', (code, signal) => resolve(code === 0 ? 'ok' : `exit ${code ?? signal}`));
    });
    if (result !== 'ok' || !/successfully installed/i.test(output)) {
      throw new Error(`code-server --install-extension ${vsix} failed (${result}):\n${output.trim()}`);
    }
    return output.trim();
  } finally {
    clearTimeout(timer);
    if (pgid) {
      await stopProcessGroup(pgid);
    }
    killProcessesWithEnvMarker(RUN_MARKER, runId);
    await fs.promises.rm(scratchDir, { recursive: true, force: true, maxRetries: 3 });
    process.removeListener('exit', onProcessExit);
  }
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`, for the payload of the workbench URL. */
export function remoteUri(server: Pick<CodeServer, 'authority'>, absolutePath: string): string {
  const encodedPath = path
    .resolve(absolutePath)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `vscode-remote://${server.authority}${encodedPath}`;
}

/** The workbench URL for a folder, with `[key, value]` pairs as the payload (extension development/test paths). */
export function workbenchUrl(server: Pick<CodeServer, 'baseUrl'>, folder: string, payload: ReadonlyArray<readonly [string, string]>): string {
  const query = [`folder=${encodeURIComponent(path.resolve(folder))}`];
  if (payload.length > 0) {
    query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  }
  return `${server.baseUrl}/?${query.join('&')}`;
}
