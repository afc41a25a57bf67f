import * as vscode from 'vscode';
import { BUILT_IN_COMMANDS } from '../constants';
import { readCheckedSettings } from '../settings';

/** Says once, as a warning with a way to the settings, what in the settings could not be used as written. */
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
    if (problems.length > 0) {
      problems.forEach((problem) => this.log.warn(`Settings: ${problem}`));
      void vscode.window.showWarningMessage(text, vscode.l10n.t('Open Settings')).then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand(BUILT_IN_COMMANDS.openSettings, 'scpExplorer');
        }
      });
    }
  }
}
