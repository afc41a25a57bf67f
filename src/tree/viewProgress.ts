import * as vscode from 'vscode';
import { VIEW_ID } from '../constants';
import type { ExplorerModel } from '../core/explorerModel';

/** The view's progress bar runs while the model loads a page, whoever asked for it. */
export class ViewProgress implements vscode.Disposable {
  private done: (() => void) | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ExplorerModel) {
    this.subscription = model.onDidChange(() => this.update());
  }

  private update(): void {
    if (this.model.loading && !this.done) {
      void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => new Promise<void>((resolve) => (this.done = resolve)));
    } else if (!this.model.loading && this.done) {
      this.done();
      this.done = undefined;
    }
  }

  dispose(): void {
    this.done?.();
    this.subscription.dispose();
  }
}
