import * as vscode from 'vscode';
import { GROUP_BY_MODES, type GroupBy } from '../core/grouping';
import type { LoadOutcome } from '../core/serverListing';
import { SECTION } from '../settings';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';
import { registerCommand, showErrorWithLogs } from './commandRegistry';

/** How the Group By… picker names a grouping mode. */
export function groupByLabel(mode: GroupBy): string {
  switch (mode) {
    case 'vpcState':
      return vscode.l10n.t('VPC › State');
    case 'stateVpc':
      return vscode.l10n.t('State › VPC');
    case 'vpc':
      return 'VPC';
    case 'state':
      return vscode.l10n.t('State');
    case 'none':
      return vscode.l10n.t('None (flat list)');
  }
}

/** A user action that failed says so once; the failure also stays in the tree as a message node. */
export async function reportFailure(tree: ServerTreeProvider, log: vscode.LogOutputChannel, outcome: LoadOutcome | undefined): Promise<void> {
  const error = tree.lastError;
  if (outcome === 'failed' && error) {
    const retry = vscode.l10n.t('Retry');
    // The row keeps what SCP said; the notification says the extension's own sentence (ScpError.notice).
    const choice = await showErrorWithLogs(error.notice, log, retry);
    if (choice === retry) {
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
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading all servers'), cancellable: true },
        (progress, token) => tree.loadAll((loaded) => progress.report({ message: vscode.l10n.t('{0} loaded', loaded) }), token),
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
      GROUP_BY_MODES.map((mode) => ({ label: groupByLabel(mode), description: mode === current ? vscode.l10n.t('current') : '', mode })),
      { title: vscode.l10n.t('Group servers by') },
    );
    if (picked) {
      await setGroupBy(picked.mode);
    }
  });
}
