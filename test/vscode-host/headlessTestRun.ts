// Runs an extension's tests in a real VS Code extension host: code-server with the smoke-test driver, the
// workbench opened in headless chromium with extensionDevelopmentPath/extensionTestsPath in its payload.
// The extension host's console arrives through codeAutomationLog, the result through codeAutomationExit.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { remoteUri, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { assertToolsInstalled, resolveToolsPaths, type ToolsPaths } from './toolsPaths';
import { launchWorkbenchBrowser, screenshotWithDoneMarker, setDisplayLanguage, waitForQuickPickItems, type WorkbenchBrowser } from './workbenchBrowser';

export const DEFAULT_TEST_TIMEOUT_MS = 15 * 60 * 1000;

/** A line the extension host logs to ask for a screenshot: `SCP_SCREENSHOT /abs/path.png`. */
const SCREENSHOT_MARKER = 'SCP_SCREENSHOT';
/**
 * A line the extension host logs to wait for a quick pick: `SCP_QUICK_INPUT /abs/path`. The host writes `ready` to
 * that file once a quick pick shows its items, or `error: …`. The extension API cannot see quick
 * input state, the workbench page can.
 */
const QUICK_INPUT_MARKER = 'SCP_QUICK_INPUT';
/** Set for the extension host: this host answers SCREENSHOT_MARKER and QUICK_INPUT_MARKER requests. */
const HOST_REQUESTS_ENV = 'SCP_EXPLORER_HOST_REQUESTS';
const QUICK_INPUT_TIMEOUT_MS = 15_000;

export interface HeadlessTestRunOptions {
  readonly extensionDevelopmentPaths: readonly string[];
  readonly extensionTestsPath: string;
  /** The workspace folder to open; an empty scratch folder when omitted. */
  readonly folder?: string;
  /** Merged into the user settings (over the quiet defaults). */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly displayLanguage?: string;
  /** Extra environment for the extension host. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Receives every line of the extension host's console output; default: stdout. */
  readonly output?: (text: string) => void;
  /** Also print code-server's output and the browser console (stderr). */
  readonly verbose?: boolean;
  /** Where to save the workbench logs handed to codeAutomationExit. */
  readonly logsDir?: string;
  readonly tools?: ToolsPaths;
}

/**
 * codeAutomationLog carries the workbench's own log lines along with the extension host's console (both
 * arrive as `info` with printf-style arguments). These workbench start-up lines are left out of the output
 * (shown with SCP_EXPLORER_HOST_VERBOSE=1), so the output reads as the tests' own.
 */
const WORKBENCH_NOISE: readonly RegExp[] = [
  /^Resolving connection token \(/,
  /^Resolved connection token \(/,
  /^Creating a socket \(renderer-/,
  /^\[reconnection-grace-time\] /,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^\[Service Worker\] registered$/,
  /^\[AgentHost:remote\] Initializing/,
  /^\[AccountPolicyGate\] /,
  /^Updating additional builtin extensions cache$/,
  /^Creation of workbench contribution .* took \d+ms\.$/,
  /^No search provider registered for scheme: vscode-remote, waiting$/,
  // with a display language other than English, translations of built-in extensions are looked up in the gallery
  /^No extension gallery service configured\.: Error: No extension gallery service configured\.\n\s+at /,
  /^Canceled: Canceled: Canceled\n\s+at /, // workbench calls cut short when the extension hosts stop after the run
];

function isWorkbenchNoise(text: string): boolean {
  return WORKBENCH_NOISE.some((pattern) => pattern.test(text));
}

/** The text of one codeAutomationLog call: printf-style arguments, as console.log would print them. */
function formatAutomationLog(args: unknown): string {
  if (Array.isArray(args)) {
    return format(...(args as unknown[]));
  }
  return typeof args === 'string' ? args : format(args);
}

/** The absolute path of a `<marker> <path>` request in a log text, if there is one. */
function hostRequest(marker: string, text: string, pattern = '\\S.*?'): string | undefined {
  const match = new RegExp(`${marker} (${pattern})\\s*$`, 'm').exec(text);
  return match && path.isAbsolute(match[1]) ? match[1] : undefined;
}

function saveWorkbenchLogs(logsDir: string, logs: unknown): void {
  if (!Array.isArray(logs)) {
    return;
  }
  for (const entry of logs as { relativePath?: unknown; contents?: unknown }[]) {
    if (typeof entry.relativePath === 'string' && typeof entry.contents === 'string') {
      const target = path.resolve(logsDir, entry.relativePath);
      if (target.startsWith(path.resolve(logsDir) + path.sep)) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, entry.contents);
      }
    }
  }
}

/**
 * Resolves with the tests' exit code (0 = all passed). Rejects on a timeout, an abort, or when code-server or
 * the page dies first. Always stops code-server's process group and chromium and removes the scratch folders.
 */
export async function runExtensionTestsHeadless(options: HeadlessTestRunOptions): Promise<number> {
  const tools = options.tools ?? resolveToolsPaths();
  assertToolsInstalled(tools);
  const output = options.output ?? ((text: string) => process.stdout.write(`${text}\n`));
  const debug = (text: string): void => {
    if (options.verbose) {
      process.stderr.write(`[vscode-host] ${text}\n`);
    }
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;

  let server: CodeServer | undefined;
  let browser: WorkbenchBrowser | undefined;
  let scratchFolder: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let screenshots: Promise<void> = Promise.resolve();
  // Answers a test may have stopped waiting for (its command ended first): removed when the run ends.
  const answerFiles = new Set<string>();
  let finished = false;
  try {
    // Every way the run can end races here: the exit code, the timeout, an abort, a dead server or page.
    const outcome = new Promise<number>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the tests did not finish within ${timeoutMs} ms`)), timeoutMs);
      onAbort = () => reject(new Error(`interrupted (${String(options.signal?.reason ?? 'aborted')})`));
      if (options.signal?.aborted) {
        onAbort();
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });

      void (async () => {
        const folder = options.folder ? path.resolve(options.folder) : (scratchFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-workspace-')));
        const startedAt = Date.now();
        server = await startCodeServer({
          tools,
          smokeTestDriver: true,
          settings: options.settings,
          displayLanguage: options.displayLanguage,
          env: { ...options.env, [HOST_REQUESTS_ENV]: '1' },
          onOutput: (line) => debug(`code-server: ${line}`),
        });
        if (finished) {
          await server.stop(); // the run ended (timeout, abort) while code-server was starting
          return;
        }
        debug(`code-server ready on ${server.authority} after ${Date.now() - startedAt} ms`);
        const running = server;
        void running.exited.then(() => reject(new Error(`code-server exited during the run\n${running.recentOutput()}`)));

        browser = await launchWorkbenchBrowser({ tools, locale: options.displayLanguage });
        if (finished) {
          await browser.close();
          return;
        }
        const page = browser.page;
        page.on('crash', () => reject(new Error('the workbench page crashed')));
        page.on('console', (message) => debug(`browser ${message.type()}: ${message.text()}`));
        page.on('pageerror', (error) => debug(`browser page error: ${error.message}`));
        if (options.displayLanguage) {
          await setDisplayLanguage(page, options.displayLanguage);
        }
        await page.exposeFunction('codeAutomationLog', (_type: unknown, args: unknown) => {
          const text = formatAutomationLog(args);
          if (isWorkbenchNoise(text)) {
            debug(`workbench: ${text}`);
            return;
          }
          const answerFile = hostRequest(QUICK_INPUT_MARKER, text);
          if (answerFile) {
            answerFiles.add(answerFile);
            void waitForQuickPickItems(page, QUICK_INPUT_TIMEOUT_MS)
              .then(
                () => 'ready\n',
                (error: Error) => `error: no quick pick with items appeared (${error.message.split('\n')[0]})\n`,
              )
              .then((answer) => (finished ? undefined : fs.promises.writeFile(answerFile, answer)))
              .catch((error: Error) => output(`[vscode-host] ${QUICK_INPUT_MARKER} ${answerFile}: ${error.message}`));
            return;
          }
          output(text);
          const file = hostRequest(SCREENSHOT_MARKER, text, '\\S.*?\\.png');
          if (file) {
            // One at a time, in order; the run waits for pending ones before it closes the browser.
            screenshots = screenshots.then(() =>
              screenshotWithDoneMarker(page, file).catch((error: Error) => {
                // Still write the marker (with the reason) so a waiting test fails fast instead of timing out.
                output(`[vscode-host] screenshot ${file} failed: ${error.message}`);
                return fs.promises.writeFile(`${file}.done`, `error: ${error.message}\n`).catch(() => undefined);
              }),
            );
          }
        });
        await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
          if (options.logsDir) {
            saveWorkbenchLogs(options.logsDir, logs);
          }
          resolve(typeof code === 'number' ? code : 1);
        });

        const payload: [string, string][] = [
          ...options.extensionDevelopmentPaths.map((dir): [string, string] => ['extensionDevelopmentPath', remoteUri(running, dir)]),
          ['extensionTestsPath', remoteUri(running, options.extensionTestsPath)],
          ['skipWelcome', 'true'],
        ];
        const url = workbenchUrl(running, folder, payload);
        debug(`opening ${url}`);
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      })().catch(reject);
    });
    const code = await outcome;
    await screenshots;
    return code;
  } finally {
    finished = true;
    clearTimeout(timer);
    if (onAbort) {
      options.signal?.removeEventListener('abort', onAbort);
    }
    // The browser first: with code-server gone it would only log reconnection attempts.
    await (browser as WorkbenchBrowser | undefined)?.close().catch(() => undefined);
    await (server as CodeServer | undefined)?.stop().catch(() => undefined);
    if (scratchFolder) {
      await fs.promises.rm(scratchFolder, { recursive: true, force: true });
    }
    await Promise.all([...answerFiles].map((file) => fs.promises.rm(file, { force: true })));
  }
}
