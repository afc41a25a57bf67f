import * as vscode from 'vscode';
import { GROUP_BY_MODES, type GroupBy } from '../core/grouping';
import type { LoadOutcome } from '../core/serverListing';
import { readSettings, writeUserSettings } from '../settings';
import type { ExplorerModel } from '../core/explorerModel';
import { registerCommand, showErrorWithLogs } from './commandRegistry';
import { COMMANDS, groupByCommand } from '../constants';

function groupByLabel(mode: GroupBy): string {
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
export async function reportFailure(model: ExplorerModel, log: vscode.LogOutputChannel, outcome: LoadOutcome | undefined): Promise<void> {
  const error = model.lastError;
  if (outcome === 'failed' && error) {
    const retry = vscode.l10n.t('Retry');
    // The row keeps what SCP said; the notification says the extension's own sentence (ScpError.notice).
    const choice = await showErrorWithLogs(error.notice, log, retry);
    if (choice === retry) {
      await vscode.commands.executeCommand(COMMANDS.retry);
    }
  }
}

export function registerTreeCommands(context: vscode.ExtensionContext, model: ExplorerModel, log: vscode.LogOutputChannel): void {
  const userAction = (id: string, action: () => Promise<LoadOutcome | undefined>): void =>
    registerCommand(context, log, id, async () => {
      const outcome = await action();
      void reportFailure(model, log, outcome);
      return outcome;
    });

  userAction(COMMANDS.refresh, () => model.refresh());
  userAction(COMMANDS.loadMore, () => model.loadMore());
  userAction(COMMANDS.retry, () => model.retry());
  userAction(COMMANDS.loadAll, () =>
    Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading all servers'), cancellable: true },
        (progress, token) => {
          const cancelled = new AbortController();
          token.onCancellationRequested(() => cancelled.abort());
          return model.loadAll(
            (loaded) => progress.report({ message: vscode.l10n.t('{0} loaded', loaded) }),
            cancelled.signal,
            (seconds) => progress.report({ message: vscode.l10n.t('SCP is limiting requests — continuing in {0} s', seconds) }),
          );
        },
      ),
    ),
  );

  registerCommand(context, log, COMMANDS.showLogs, () => log.show(true));

  for (const mode of GROUP_BY_MODES) {
    registerCommand(context, log, groupByCommand(mode), () => writeUserSettings({ groupBy: mode }));
  }
  registerCommand(context, log, COMMANDS.groupBy, async () => {
    const current = readSettings().groupBy;
    const picked = await vscode.window.showQuickPick(
      GROUP_BY_MODES.map((mode) => ({ label: groupByLabel(mode), description: mode === current ? vscode.l10n.t('current') : '', mode })),
      { title: vscode.l10n.t('Group servers by') },
    );
    if (picked) {
      await writeUserSettings({ groupBy: picked.mode });
    }
  });
}
