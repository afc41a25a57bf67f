import * as vscode from 'vscode';
import { GROUP_BY_MODES, type GroupBy } from '../core/grouping';
import type { LoadOutcome } from '../core/serverListing';
import { SECTION } from '../settings';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';
import { registerCommand, showErrorWithLogs } from './commandRegistry';

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  vpcState: 'VPC › State',
  stateVpc: 'State › VPC',
  vpc: 'VPC',
  state: 'State',
  none: 'None (flat list)',
};

/** A user action that failed says so once; the failure also stays in the tree as a message node. */
export async function reportFailure(tree: ServerTreeProvider, log: vscode.LogOutputChannel, outcome: LoadOutcome | undefined): Promise<void> {
  const error = tree.lastError;
  if (outcome === 'failed' && error) {
    const choice = await showErrorWithLogs(error.message, log, 'Retry');
    if (choice === 'Retry') {
      await vscode.commands.executeCommand('scpExplorer.retry');
    }
  }
}

export function registerTreeCommands(context: vscode.ExtensionContext, tree: ServerTreeProvider, log: vscode.LogOutputChannel): void {
  const userAction = (id: string, action: () => Promise<LoadOutcome | undefined>): void =>
    registerCommand(context, log, id, async () => {
      const outcome = await action();
      void reportFailure(tree, log, outcome);
      return outcome;
    });

  userAction('scpExplorer.refresh', () => tree.refresh());
  userAction('scpExplorer.loadMore', () => tree.loadMore());
  userAction('scpExplorer.retry', () => tree.retry());
  userAction('scpExplorer.loadAll', () =>
    Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Loading all servers', cancellable: true },
        (progress, token) => tree.loadAll((loaded) => progress.report({ message: `${loaded} loaded` }), token),
      ),
    ),
  );

  registerCommand(context, log, 'scpExplorer.showLogs', () => log.show(true));

  const setGroupBy = (mode: GroupBy): Thenable<void> =>
    vscode.workspace.getConfiguration(SECTION).update('groupBy', mode, vscode.ConfigurationTarget.Global);
  for (const mode of GROUP_BY_MODES) {
    registerCommand(context, log, `scpExplorer.groupBy.${mode}`, () => setGroupBy(mode));
  }
  registerCommand(context, log, 'scpExplorer.groupBy', async () => {
    const current = vscode.workspace.getConfiguration(SECTION).get<string>('groupBy');
    const picked = await vscode.window.showQuickPick(
      GROUP_BY_MODES.map((mode) => ({ label: GROUP_BY_LABELS[mode], description: mode === current ? 'current' : '', mode })),
      { title: 'Group servers by' },
    );
    if (picked) {
      await setGroupBy(picked.mode);
    }
  });
}
