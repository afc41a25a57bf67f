// Demo / interactive mode: code-server with the extension loaded from its development folder, no tests.
// Either hands back the URL to open (and a stop()), or takes one screenshot of the extension's view and stops.
//
//   node out/test/vscode-host/openWorkbench.js [--screenshot=/abs/file.png] [--delay=ms] [folder]
//
// The URL works only as http://127.0.0.1:PORT/… (forward the same port number to open it from elsewhere): the
// extension paths in its payload name that authority, and with any other one the extension is silently not loaded.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { displayLanguageFromEnv, remoteUri, settingsFromEnv, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { assertToolsInstalled, repositoryRoot, resolveToolsPaths, type ToolsPaths } from './toolsPaths';
import { clickActivityBarEntry, launchWorkbenchBrowser, screenshotWithDoneMarker, setDisplayLanguage, waitForWorkbench } from './workbenchBrowser';

export interface OpenWorkbenchOptions {
  readonly extensionDevelopmentPath: string;
  /** The workspace folder; an empty scratch folder when omitted. */
  readonly folder?: string;
  /** Merged into the user settings (over the quiet defaults). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Environment for code-server, which the extension host inherits. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly displayLanguage?: string;
  /** When given: open the workbench in chromium, show the view container, screenshot to this path, stop. */
  readonly screenshot?: string;
  /** How long to let the view settle after clicking its activity-bar entry; default 3000 ms. */
  readonly screenshotDelayMs?: number;
  /** The activity-bar entry to click before the screenshot: the view container's title; default `SCP`. */
  readonly viewContainerTitle?: string;
  readonly tools?: ToolsPaths;
}

export interface OpenedWorkbench {
  /** Open this (as it is, with 127.0.0.1) in a browser. */
  readonly url: string;
  readonly server: CodeServer;
  /** Stops code-server and removes the scratch folders. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function openWorkbench(options: OpenWorkbenchOptions): Promise<OpenedWorkbench> {
  const tools = options.tools ?? resolveToolsPaths();
  assertToolsInstalled(tools);
  const scratchFolder = options.folder ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-workspace-'));
  const folder = path.resolve(options.folder ?? (scratchFolder as string));
  let server: CodeServer | undefined;
  const stop = async (): Promise<void> => {
    await server?.stop();
    if (scratchFolder) {
      await fs.promises.rm(scratchFolder, { recursive: true, force: true });
    }
  };
  try {
    server = await startCodeServer({
      tools,
      // The built workbench honours extensionDevelopmentPath in the payload only with the smoke-test driver.
      smokeTestDriver: true,
      settings: options.settings,
      displayLanguage: options.displayLanguage,
      env: options.env,
    });
    const url = workbenchUrl(server, folder, [
      ['extensionDevelopmentPath', remoteUri(server, options.extensionDevelopmentPath)],
      ['skipWelcome', 'true'],
    ]);
    const opened: OpenedWorkbench = { url, server, stop };
    if (options.screenshot) {
      const browser = await launchWorkbenchBrowser({ tools, locale: options.displayLanguage });
      try {
        if (options.displayLanguage) {
          await setDisplayLanguage(browser.page, options.displayLanguage);
        }
        await browser.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        await waitForWorkbench(browser.page);
        await clickActivityBarEntry(browser.page, options.viewContainerTitle ?? 'SCP');
        await browser.page.waitForTimeout(options.screenshotDelayMs ?? 3000);
        await screenshotWithDoneMarker(browser.page, path.resolve(options.screenshot));
      } finally {
        await browser.close();
        await stop();
      }
    }
    return opened;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits for SIGINT/SIGTERM/SIGHUP, then stops the workbench. */
export async function serveUntilSignal(workbench: OpenedWorkbench): Promise<void> {
  console.log(`Workbench: ${workbench.url}`);
  console.log('Press Ctrl+C to stop.');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(name, () => resolve(name));
    }
  });
  console.log(`${signal}: stopping`);
  await workbench.stop();
}

async function main(argv: readonly string[]): Promise<number> {
  let screenshot: string | undefined;
  let delay: number | undefined;
  let folder: string | undefined;
  for (const arg of argv) {
    if (arg.startsWith('--screenshot=')) {
      screenshot = path.resolve(arg.slice('--screenshot='.length));
    } else if (arg.startsWith('--delay=')) {
      delay = Number(arg.slice('--delay='.length));
    } else if (!arg.startsWith('-')) {
      folder = path.resolve(arg);
    } else {
      console.error(`unknown argument ${arg}`);
      return 2;
    }
  }
  const workbench = await openWorkbench({
    extensionDevelopmentPath: repositoryRoot(),
    folder,
    settings: settingsFromEnv(),
    displayLanguage: displayLanguageFromEnv(),
    screenshot,
    screenshotDelayMs: delay,
  });
  if (screenshot) {
    console.log(`Screenshot: ${screenshot}`);
  } else {
    await serveUntilSignal(workbench);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
