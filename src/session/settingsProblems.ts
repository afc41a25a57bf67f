import * as vscode from 'vscode';
import { BUILT_IN_COMMANDS } from '../constants';
import { notify } from '../notifications';
import { readCheckedSettings, workspaceValuesIgnored } from '../settings';

/** The problems quote setting values, so they go to the log; the warning is the extension's own sentence. */
export class SettingsProblems {
  /** The problems last reported, so the same ones are not shown again on every reconnect. */
  private reported = '';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  report(): void {
    const { problems } = readCheckedSettings();
    const text = problems.join(' ');
    if (text === this.reported) {
      return;
    }
    this.reported = text;
    if (problems.length === 0) {
      return;
    }
    problems.forEach((problem) => this.log.warn(`Settings: ${problem}`));
    const ignored = workspaceValuesIgnored();
    const message =
      ignored.length > 0
        ? vscode.l10n.t(
            'SCP Server Explorer ignores the endpoint set in this workspace: only your user settings may choose where the access key and signed requests go.',
          )
        : vscode.l10n.t('Some SCP Server Explorer settings could not be used as written; the log says which, and what is used instead.');
    const openSettings = vscode.l10n.t('Open Settings');
    const showLogs = vscode.l10n.t('Show Logs');
    void notify(this.log, 'warning', message, openSettings, showLogs).then((choice) => {
      if (choice === openSettings) {
        void vscode.commands.executeCommand(BUILT_IN_COMMANDS.openSettings, 'scpExplorer');
      } else if (choice === showLogs) {
        this.log.show(true);
      }
    });
  }
}
