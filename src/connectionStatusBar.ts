import * as vscode from 'vscode';
import type { Connection } from './session/connection';
import { describeConnection } from './tree/viewDescription';

/**
 * Where requests go and where the key came from, in the status bar: VS Code hides a view's description when the
 * view is alone in its container, as this one is, so the view title alone would not show it.
 */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('scpExplorer.connection', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.item.name = vscode.l10n.t('SCP Connection');
    this.item.command = 'scpExplorer.servers.focus';
  }

  show(connection: Connection | undefined): void {
    if (!connection) {
      this.item.hide();
      return;
    }
    this.item.text = `$(cloud) SCP: ${connection.target}`;
    this.item.tooltip = vscode.l10n.t('SCP Server Explorer: {0}', describeConnection(connection));
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
