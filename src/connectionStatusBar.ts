import * as vscode from 'vscode';
import { BUILT_IN_COMMANDS, STATUS_BAR_ID } from './constants';
import type { ExplorerModel } from './core/explorerModel';
import { describeConnection } from './tree/viewDescription';

/** VS Code hides the view's description while the view is alone in its container, so the connection shows here too. */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 0);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ExplorerModel) {
    this.item.name = vscode.l10n.t('SCP Connection');
    this.item.command = BUILT_IN_COMMANDS.focusView;
    this.subscription = model.onDidChange(() => this.update());
  }

  private update(): void {
    const connection = this.model.connection;
    if (!connection) {
      this.item.hide();
      return;
    }
    this.item.text = `$(cloud) SCP: ${connection.target}`;
    this.item.tooltip = vscode.l10n.t('SCP Server Explorer: {0} · API version {1}', describeConnection(connection), connection.client.apiVersion ?? '');
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
