/**
 * `npm run demo`: the extension against the local SCP emulator, in a real VS Code.
 *
 *     npm run demo [-- --screenshot FILE.png] [--servers N] [--group-by MODE] [--language ko] [--headless]
 *
 * Starts the emulator with a rich dataset, then opens VS Code with the extension loaded from this folder and
 * connected to it: the desktop `code` when it is on PATH, otherwise the headless real VS Code (code-server)
 * whose URL is printed. With --screenshot it saves a picture of the SCP view instead and stops.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { openWorkbench, serveUntilSignal } from '../vscode-host/openWorkbench';
import { repositoryRoot } from '../vscode-host/toolsPaths';
import { parseArgs as parseCommandLine } from 'node:util';

interface DemoOptions {
  screenshot?: string;
  servers: number;
  groupBy?: string;
  /** VS Code's display language, e.g. `ko` (headless only: it switches the extension's strings, see codeServer.ts). */
  language?: string;
  headless: boolean;
}

function parseArgs(argv: readonly string[]): DemoOptions {
  // node:util's parser: unknown flags and missing values are errors that name the flag.
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      screenshot: { type: 'string' },
      servers: { type: 'string', default: '400' },
      'group-by': { type: 'string' },
      language: { type: 'string' },
      headless: { type: 'boolean', default: false },
    },
  });
  const servers = Number(values.servers);
  if (!Number.isInteger(servers) || servers < 0) {
    throw new Error('--servers needs a whole number');
  }
  return {
    screenshot: values.screenshot === undefined ? undefined : path.resolve(values.screenshot),
    servers,
    groupBy: values['group-by'],
    language: values.language,
    headless: values.headless,
  };
}

function desktopCode(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const binary = found.stdout.trim();
  // A `code` that is VS Code's remote CLI shim (inside code-server or a remote session) cannot open a window.
  return found.status === 0 && binary && !process.env.VSCODE_IPC_HOOK_CLI ? binary : undefined;
}

function installHeadlessTools(root: string): void {
  const install = spawnSync('bash', [path.join(root, 'test', 'vscode-host', 'install.sh')], { stdio: 'inherit' });
  if (install.status !== 0) {
    throw new Error('installing the headless VS Code tools failed (see above)');
  }
}

async function runDesktop(code: string, root: string, settings: Record<string, unknown>, env: Record<string, string>): Promise<void> {
  // A separate profile, so the demo's endpoint setting never lands in the user's own settings.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-demo-profile-'));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-demo-folder-'));
  fs.mkdirSync(path.join(profile, 'User'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  console.log('Opening VS Code; close its window to stop the demo.');
  const child = spawn(code, ['--wait', '--new-window', `--user-data-dir=${profile}`, `--extensionDevelopmentPath=${root}`, folder], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  await new Promise((resolve) => child.on('exit', resolve));
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const root = repositoryRoot();
  const emulator = new ScpEmulator({ serverCount: options.servers });
  await emulator.start();
  console.log(`SCP emulator: ${emulator.url} (${emulator.servers.length} servers, ${emulator.vpcs.length} VPCs)`);
  const settings: Record<string, unknown> = { 'scpExplorer.endpoint': emulator.url };
  if (options.groupBy) {
    settings['scpExplorer.groupBy'] = options.groupBy;
  }
  // The extension finds the demo keys where it finds the official SCP tools' keys: in these variables.
  const env = { SCP_TF_ACCESS_KEY: DEMO_ACCESS_KEY, SCP_TF_SECRET_KEY: DEMO_SECRET_KEY };
  try {
    const code = options.screenshot || options.headless || options.language ? undefined : desktopCode();
    if (code) {
      await runDesktop(code, root, settings, env);
      return;
    }
    installHeadlessTools(root);
    const workbench = await openWorkbench({
      extensionDevelopmentPath: root,
      settings,
      env,
      screenshot: options.screenshot,
      displayLanguage: options.language,
    });
    if (options.screenshot) {
      console.log(`Screenshot saved: ${options.screenshot}`);
      return;
    }
    console.log('Open the URL below in a browser on this machine (or forward its port), then the SCP icon in the activity bar.');
    await serveUntilSignal(workbench);
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
