// Answers the quick picks a command opens, the way a user does with the keyboard: the workbench's own quick input
// commands move the active item and accept it. Text cannot be typed into an input box this way, so input-box
// paths are tested through the commands' value argument instead.
import * as vscode from 'vscode';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One quick pick to answer: the moves (e.g. `quickInput.next`, `quickInput.last`) before accepting. */
export type PickStep = readonly string[];

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
    // No API tells when a quick pick is on screen: give the workbench a moment to show it.
    await sleep(400);
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
