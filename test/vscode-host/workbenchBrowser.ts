// The system chromium, headless and loopback-only, driven by playwright-core from the tools folder.
// playwright-core is not a dependency of this repository, so it is loaded at run time and typed here by
// the few members that are used.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { killProcessesWithEnvMarker } from './processGroup';
import type { ToolsPaths } from './toolsPaths';

export interface PlaywrightLocator {
  first(): PlaywrightLocator;
  click(options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'visible'; timeout?: number }): Promise<void>;
}

export interface PlaywrightConsoleMessage {
  type(): string;
  text(): string;
}

export interface PlaywrightPage {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit'; timeout?: number }): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: unknown[]) => unknown): Promise<void>;
  addInitScript(script: string): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  locator(selector: string): PlaywrightLocator;
  /** Evaluates a JavaScript expression in the page (a string: this project compiles without the DOM types). */
  evaluate<T>(expression: string): Promise<T>;
  waitForSelector(selector: string, options?: { timeout?: number; state?: 'attached' | 'visible' }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  readonly mouse: { move(x: number, y: number): Promise<void> };
  on(event: 'console', listener: (message: PlaywrightConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  on(event: 'crash' | 'close', listener: () => void): void;
}

interface PlaywrightBrowserContext {
  pages(): PlaywrightPage[];
  newPage(): Promise<PlaywrightPage>;
  close(): Promise<void>;
}

interface PlaywrightModule {
  chromium: {
    launchPersistentContext(userDataDir: string, options: Record<string, unknown>): Promise<PlaywrightBrowserContext>;
  };
}

const VIEWPORT = { width: 1280, height: 800 } as const;

/** Flags that work as root in a container without a display, and keep chromium off the network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

const BROWSER_MARKER = 'SCP_EXPLORER_VSCODE_HOST_BROWSER';

export interface WorkbenchBrowser {
  readonly page: PlaywrightPage;
  /** Closes chromium and removes its scratch profile. Safe to call more than once. */
  close(): Promise<void>;
}

export interface WorkbenchBrowserOptions {
  readonly tools: ToolsPaths;
  /** Also sets navigator.language and Accept-Language. */
  readonly locale?: string;
}

export async function launchWorkbenchBrowser(options: WorkbenchBrowserOptions): Promise<WorkbenchBrowser> {
  const load = createRequire(__filename);
  const playwright = load(options.tools.playwrightCore) as PlaywrightModule;
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-chromium-'));
  const runId = randomUUID();
  const onProcessExit = (): void => {
    killProcessesWithEnvMarker(BROWSER_MARKER, runId);
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };
  process.on('exit', onProcessExit);

  let context: PlaywrightBrowserContext | undefined;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (context) {
        // A wedged browser must not hold up the cleanup: give close() a few seconds, then kill.
        await Promise.race([context.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      killProcessesWithEnvMarker(BROWSER_MARKER, runId);
      await fs.promises.rm(scratchDir, { recursive: true, force: true, maxRetries: 3 });
      process.removeListener('exit', onProcessExit);
    })();
    return closing;
  };

  try {
    context = await playwright.chromium.launchPersistentContext(path.join(scratchDir, 'profile'), {
      executablePath: options.tools.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      // VS Code 1.90's web clipboard reads through navigator.clipboard only (later ones also keep what they wrote),
      // so vscode.env.clipboard.readText() answers '' there unless the page may read the clipboard.
      permissions: ['clipboard-read', 'clipboard-write'],
      ...(options.locale ? { locale: options.locale } : {}),
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(scratchDir, 'xdg', 'config'),
        XDG_CACHE_HOME: path.join(scratchDir, 'xdg', 'cache'),
        [BROWSER_MARKER]: runId,
      },
      // This process handles signals itself and closes the browser in its cleanup.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Makes the workbench run in `language` even without a VS Code language pack: the workbench takes its language
 * from `globalThis._VSCODE_NLS_LANGUAGE`, which only a language pack's NLS script sets, so `--locale`/argv.json
 * alone leave it `en`. With this (checked with `ko` on code-server 4.139.1) `vscode.env.language` in the
 * extension host is `ko` and the extension's package.nls.ko.json (and so its l10n bundles) are used; VS Code's
 * own UI strings stay English. Call before page.goto.
 */
export async function setDisplayLanguage(page: PlaywrightPage, language: string): Promise<void> {
  await page.addInitScript(`if (globalThis._VSCODE_NLS_LANGUAGE === undefined) { globalThis._VSCODE_NLS_LANGUAGE = ${JSON.stringify(language)}; }`);
}

/** Resolves when the workbench has rendered its activity bar. */
export async function waitForWorkbench(page: PlaywrightPage, timeoutMs = 60_000): Promise<void> {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { state: 'visible', timeout: timeoutMs });
}

/** Clicks the activity-bar entry (a view container) whose aria-label starts with `titlePrefix`. */
export async function clickActivityBarEntry(page: PlaywrightPage, titlePrefix: string, timeoutMs = 30_000): Promise<void> {
  const selector = `.part.activitybar a[aria-label^=${JSON.stringify(titlePrefix)}]`;
  await page.locator(selector).first().click({ timeout: timeoutMs });
  // Off the entry again, so its hover tooltip does not cover the view in a screenshot.
  await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height / 2);
}

/**
 * Resolves when a quick pick is open with its items listed (a single-select pick makes the first one active in the
 * same update), so that a keyboard move or accept lands on them. A quick input that is closing (its fade-out) does
 * not count.
 */
export async function waitForQuickPickItems(page: PlaywrightPage, timeoutMs: number): Promise<void> {
  await page.waitForSelector('.quick-input-widget:not(.quick-input-widget-closing) .quick-input-list .monaco-list-row', { state: 'visible', timeout: timeoutMs });
}

/** Takes a viewport screenshot, then writes `<file>.done` so a waiting test knows the PNG is complete. */
export async function screenshotWithDoneMarker(page: PlaywrightPage, file: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  await fs.promises.writeFile(`${file}.done`, '');
}
