// `npm run test:integration`: the integration suite (out/test/integration) in a real VS Code, through the
// standard @vscode/test-electron runner; then the Korean suite (out/test/integration-ko) with the display
// language `ko` (SCP_EXPLORER_DISPLAY_LANGUAGE for the headless host, --locale for a desktop VS Code); then, on the
// headless host, the integration suite once more on VS Code 1.90 (SCP_EXPLORER_VSCODE_HOST=1.90: code-server 4.90.3),
// the oldest version engines.vscode allows. SCP_EXPLORER_SKIP_OLDEST=1 leaves that run out.
//
// Which VS Code:
//   SCP_EXPLORER_VSCODE_EXECUTABLE=/path/to/code   any real VS Code executable (a desktop `code` binary, an
//                                                  Insiders build, ...): runTests starts that one, which needs a
//                                                  display (or xvfb-run) as usual.
//   otherwise                                      test/vscode-host/code-headless: code-server + headless chromium,
//                                                  offline; the tools come from install.sh, run first (it returns
//                                                  at once when they are there; SCP_EXPLORER_SKIP_TOOLS_INSTALL=1
//                                                  skips it).
// Needs `npm run build` (the extension's dist/) and `npm run compile-tests` (out/) first.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repositoryRoot } from './toolsPaths';

function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file) || file} is missing: ${hint}`);
  }
}

/** The VS Code executable to run the tests in, installing the headless tools when that is the one. */
export function vscodeExecutable(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCP_EXPLORER_VSCODE_EXECUTABLE) {
    return path.resolve(env.SCP_EXPLORER_VSCODE_EXECUTABLE);
  }
  const hostDir = path.join(root, 'test', 'vscode-host');
  if (env.SCP_EXPLORER_SKIP_TOOLS_INSTALL !== '1') {
    const install = spawnSync('bash', [path.join(hostDir, 'install.sh')], { stdio: 'inherit' });
    if (install.status !== 0) {
      throw new Error(`test/vscode-host/install.sh failed (${install.status ?? install.signal})`);
    }
  }
  const executable = path.join(hostDir, 'code-headless');
  try {
    fs.accessSync(executable, fs.constants.X_OK);
  } catch {
    throw new Error(`${executable} is not executable (a checkout without file modes?): chmod +x it`);
  }
  return executable;
}

async function main(): Promise<number> {
  const root = repositoryRoot();
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main?: string };
  if (manifest.main) {
    requireFile(path.join(root, manifest.main), "run 'npm run build' first");
  }
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index');
  requireFile(`${extensionTestsPath}.js`, "run 'npm run compile-tests' first");
  const vscodeExecutablePath = vscodeExecutable(root);

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-it-workspace-'));
  // runTests forwards SIGINT to the VS Code it started and then returns; on SIGTERM/SIGHUP this process would
  // just die (code-headless notices and stops by itself), so remove the scratch workspace first.
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      fs.rmSync(workspace, { recursive: true, force: true });
      process.exit(code);
    });
  }
  try {
    // runTests rejects when the executable exits non-zero, i.e. when a test failed.
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions'],
    });
    // Then the Korean suite (test/integration-ko) in a VS Code whose display language is Korean.
    const koreanTestsPath = path.join(root, 'out', 'test', 'integration-ko', 'index');
    requireFile(`${koreanTestsPath}.js`, "run 'npm run compile-tests' first");
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: koreanTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--locale', 'ko'],
      extensionTestsEnv: { SCP_EXPLORER_DISPLAY_LANGUAGE: 'ko' },
    });
    // Then the same suite on the oldest VS Code that engines.vscode allows, so no newer API slips in unnoticed.
    if (!process.env.SCP_EXPLORER_VSCODE_EXECUTABLE && process.env.SCP_EXPLORER_SKIP_OLDEST !== '1') {
      console.log('\nThe integration suite again on VS Code 1.90 (code-server 4.90.3), the oldest engines.vscode allows:');
      fs.rmSync(path.join(workspace, '.vscode'), { recursive: true, force: true });
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: root,
        extensionTestsPath,
        launchArgs: [workspace, '--disable-extensions'],
        extensionTestsEnv: { SCP_EXPLORER_VSCODE_HOST: '1.90' },
      });
    }
    return 0;
  } catch (error) {
    console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

// Run only as a command, so the bench can import vscodeExecutable() without starting the tests.
if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
