// The mocha runner that VS Code loads into the extension host (extensionTestsPath): runs every
// out/test/integration/**/*.test.js and rejects when any test failed, which makes the run exit non-zero.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...findTestFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
      files.push(full);
    }
  }
  return files.sort();
}

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs every *.test.js under `dir` (also used by the Korean suite, test/integration-ko). */
export async function runTestsIn(dir: string): Promise<void> {
  // mocha 12 is an ES module; this file is CommonJS, so it is loaded with import() (the extension host's
  // Node supports that) rather than require().
  // The suites count the requests the emulator sees: servers listed in a passing state (BUILD, REBOOT, …) are not
  // re-read in the background unless a test turns that on (serverActions.test.ts does).
  await vscode.workspace.getConfiguration('scpExplorer').update('followChangingServers', false, vscode.ConfigurationTarget.Global);
  const { default: Mocha } = await import('mocha');
  // SCP_EXPLORER_TEST_GREP (inherited by the extension host) runs only the tests whose titles match, while working on them.
  const grep = process.env.SCP_EXPLORER_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  const files = findTestFiles(dir);
  if (files.length === 0) {
    throw new Error(`no *.test.js files under ${dir}`);
  }
  files.forEach((file) => mocha.addFile(file));
  await mocha.loadFilesAsync();

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  // One plain line that CI log readers count: "N passed, N failed[, N skipped]".
  console.log(`${stats.passes} passed, ${stats.failures} failed${stats.pending > 0 ? `, ${stats.pending} skipped` : ''}`);
  if (stats.failures > 0) {
    throw new Error(`${stats.failures} integration test(s) failed`);
  }
}
