// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }), started through
// test/vscode-host/code-headless. It takes the command line runTests builds (VS Code's own flags), runs the
// extension tests in code-server + headless chromium, prints the extension host's console output and exits
// with the tests' exit code.
//
// Environment:
//   SCP_EXPLORER_TEST_TIMEOUT_MS    overall limit for the run (default 15 minutes); exceeding it exits 1
//   SCP_EXPLORER_TEST_SETTINGS      JSON object merged into the user settings.json
//   SCP_EXPLORER_DISPLAY_LANGUAGE   e.g. `ko` (also taken from `--locale`); see codeServer.writeDisplayLanguage
//   SCP_EXPLORER_TEST_LOGS_DIR      save the workbench and extension host logs of the run there
//   SCP_EXPLORER_HOST_VERBOSE=1     also print code-server's output and the browser console (stderr)
//   SCP_EXPLORER_TOOLS              where install.sh put the tools
// The extension host inherits this process's environment (runTests' extensionTestsEnv included).
// Without --extensionTestsPath it serves the workbench with the extension loaded until Ctrl+C.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayLanguageFromEnv, settingsFromEnv } from './codeServer';
import { DEFAULT_TEST_TIMEOUT_MS, runExtensionTestsHeadless } from './headlessTestRun';
import { openWorkbench, serveUntilSignal } from './openWorkbench';

export interface VsCodeCommandLine {
  readonly extensionDevelopmentPaths: string[];
  readonly extensionTestsPath?: string;
  /** Folders and files named on the command line (positional or --folder-uri), absolute. */
  readonly paths: string[];
  readonly locale?: string;
  /** Flags this host does not use (kept for a debug message). */
  readonly ignored: string[];
}

/** VS Code options that take a value as the next argument when not written `--name=value`. */
const OPTIONS_WITH_VALUE = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'extensionDevelopmentKind',
  'extensionEnvironment',
  'user-data-dir',
  'extensions-dir',
  'builtin-extensions-dir',
  'locale',
  'folder-uri',
  'file-uri',
  'profile',
  'log',
  'logsPath',
  'crash-reporter-directory',
  'crash-reporter-id',
  'install-extension',
  'uninstall-extension',
  'disable-extension',
  'enable-proposed-api',
  'category',
  'sync',
  'remote',
  'waitMarkerFilePath',
  'debugId',
  'inspect-ptyhost',
  'js-flags',
  'max-memory',
  'add',
  'remove',
  'goto',
  'diff',
  'merge',
]);

function uriOrPathToPath(value: string): string {
  return value.startsWith('file:') ? fileURLToPath(value) : path.resolve(value);
}

/** Parses VS Code's command line as runTests passes it: `--x=v` and `--x v`, unknown flags ignored. */
function parseVsCodeCommandLine(argv: readonly string[]): VsCodeCommandLine {
  const extensionDevelopmentPaths: string[] = [];
  const paths: string[] = [];
  const ignored: string[] = [];
  let extensionTestsPath: string | undefined;
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      paths.push(...argv.slice(i + 1).map((p) => path.resolve(p)));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(path.resolve(arg));
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const equals = body.indexOf('=');
    const name = equals >= 0 ? body.slice(0, equals) : body;
    let value: string | undefined;
    if (equals >= 0) {
      value = body.slice(equals + 1);
    } else if (OPTIONS_WITH_VALUE.has(name) && i + 1 < argv.length) {
      value = argv[++i];
    }
    switch (name) {
      case 'extensionDevelopmentPath':
        if (value) {
          extensionDevelopmentPaths.push(uriOrPathToPath(value));
        }
        break;
      case 'extensionTestsPath':
        extensionTestsPath = value ? uriOrPathToPath(value) : undefined;
        break;
      case 'folder-uri':
      case 'file-uri':
        if (value) {
          paths.push(uriOrPathToPath(value));
        }
        break;
      case 'locale':
        locale = value;
        break;
      default:
        ignored.push(value === undefined ? arg : `--${name}=${value}`);
    }
  }
  return { extensionDevelopmentPaths, extensionTestsPath, paths, locale, ignored };
}

/** SCP_EXPLORER_TEST_TIMEOUT_MS, or the default. */
function testTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SCP_EXPLORER_TEST_TIMEOUT_MS;
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TEST_TIMEOUT_MS;
}

/** The workspace folder to open: the first named directory (a named file opens its folder). */
function workspaceFolder(paths: readonly string[]): string | undefined {
  for (const candidate of paths) {
    try {
      return fs.statSync(candidate).isDirectory() ? candidate : path.dirname(candidate);
    } catch {
      // Not there: VS Code would offer to create it; here it is skipped.
    }
  }
  return undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const commandLine = parseVsCodeCommandLine(argv);
  const verbose = process.env.SCP_EXPLORER_HOST_VERBOSE === '1';
  if (verbose && commandLine.ignored.length > 0) {
    process.stderr.write(`[vscode-host] ignoring: ${commandLine.ignored.join(' ')}\n`);
  }
  const displayLanguage = displayLanguageFromEnv() ?? commandLine.locale;
  const folder = workspaceFolder(commandLine.paths);

  if (!commandLine.extensionTestsPath) {
    if (commandLine.extensionDevelopmentPaths.length === 0) {
      process.stderr.write('usage: code-headless --extensionDevelopmentPath=DIR [--extensionTestsPath=FILE] [FOLDER]\n');
      return 2;
    }
    const workbench = await openWorkbench({
      extensionDevelopmentPath: commandLine.extensionDevelopmentPaths[0],
      folder,
      settings: settingsFromEnv(),
      displayLanguage,
    });
    await serveUntilSignal(workbench);
    return 0;
  }

  // First signal: stop cleanly (the run's finally stops code-server and chromium). Another one a second or
  // more later: leave at once; the exit hooks of codeServer/workbenchBrowser still kill what is left. (Ctrl+C
  // in a terminal delivers SIGINT twice at once: to this process, and forwarded by runTests.)
  const abort = new AbortController();
  let signalExitCode = 0;
  let firstSignalAt = 0;
  for (const [name, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(name, () => {
      if (abort.signal.aborted) {
        if (firstSignalAt && Date.now() - firstSignalAt > 1000) {
          process.exit(code);
        }
        return;
      }
      firstSignalAt = Date.now();
      signalExitCode = code;
      abort.abort(name);
    });
  }
  // When the runner that started this is killed outright, this process is re-parented: stop as well rather
  // than run on unattended until the timeout.
  const parent = process.ppid;
  const parentWatch = setInterval(() => {
    if (process.ppid !== parent && !abort.signal.aborted) {
      signalExitCode = 1;
      abort.abort('the process that started this one exited');
    }
  }, 1000);
  parentWatch.unref();

  const startedAt = Date.now();
  try {
    const code = await runExtensionTestsHeadless({
      extensionDevelopmentPaths: commandLine.extensionDevelopmentPaths,
      extensionTestsPath: commandLine.extensionTestsPath,
      folder,
      settings: settingsFromEnv(),
      displayLanguage,
      timeoutMs: testTimeoutFromEnv(),
      signal: abort.signal,
      verbose,
      logsDir: process.env.SCP_EXPLORER_TEST_LOGS_DIR || undefined,
    });
    process.stderr.write(`[vscode-host] extension tests exited with code ${code} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
    return code;
  } catch (error) {
    process.stderr.write(`[vscode-host] ${error instanceof Error ? error.message : String(error)}\n`);
    return signalExitCode || 1;
  } finally {
    clearInterval(parentWatch);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Normally nothing is left and node exits by itself; never hang on a stray handle.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (error: unknown) => {
      process.stderr.write(`[vscode-host] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
