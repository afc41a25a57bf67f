// Answers the quick picks a command opens, the way a user does with the keyboard: the workbench's own quick input
// commands move the active item and accept it. Text cannot be typed into an input box this way, so input-box
// paths are tested through the commands' value argument instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** One quick pick to answer: the moves (e.g. `quickInput.next`, `quickInput.last`) before accepting. */
export type PickStep = readonly string[];

let requests = 0;

/**
 * Resolves when a quick pick shows its items, or when `settled()` turns true first (the command
 * ended without asking). The extension API cannot see quick input state, so the headless host answers from the
 * workbench page (test/vscode-host/headlessTestRun.ts, SCP_QUICK_INPUT). A desktop VS Code has no such host: there
 * the workbench gets a moment instead.
 */
async function quickPickShown(settled: () => boolean): Promise<void> {
  if (process.env.SCP_EXPLORER_HOST_REQUESTS !== '1') {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return;
  }
  const answerFile = path.join(os.tmpdir(), `scp-explorer-quick-input-${process.pid}-${++requests}`);
  fs.rmSync(answerFile, { force: true });
  console.log(`SCP_QUICK_INPUT ${answerFile}`);
  try {
    // The host gives up after 15 s and writes an error, so this ends either way. An answer is whole once its
    // line ends: the file exists as soon as the host starts writing it.
    let answer = '';
    while (!answer.endsWith('\n') && !settled()) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = fs.existsSync(answerFile) ? fs.readFileSync(answerFile, 'utf8') : '';
    }
    if (answer.endsWith('\n') && answer.trim() !== 'ready' && !settled()) {
      throw new Error(answer.trim());
    }
  } finally {
    fs.rmSync(answerFile, { force: true });
  }
}

/**
 * Starts `command`, answers its quick picks one after the other, and resolves with what the command returned.
 * Fails (instead of hanging) when the command is still waiting after the last step.
 */
export async function runAnsweringPicks<T>(command: string, steps: readonly PickStep[], args: unknown[] = []): Promise<T | undefined> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => {
    settled = true;
  });
  for (const moves of steps) {
    await quickPickShown(() => settled);
    if (settled) {
      throw new Error(`${command} ended before all of its ${steps.length} quick pick(s) were answered`);
    }
    for (const move of moves) {
      await vscode.commands.executeCommand(move);
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  const timeout = new Promise<never>((_resolve, reject) => {
    setTimeout(() => {
      if (!settled) {
        void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        reject(new Error(`${command} was still waiting for input after ${steps.length} answered quick pick(s)`));
      }
    }, 10_000);
  });
  return Promise.race([running, timeout]);
}

/** Runs a command that must finish without asking anything; an unexpected quick pick is closed and fails it. */
export async function runWithoutPrompt<T>(command: string, ...args: unknown[]): Promise<T | undefined> {
  return runAnsweringPicks<T>(command, [], args);
}
