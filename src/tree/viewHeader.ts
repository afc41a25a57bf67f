import * as vscode from 'vscode';
import { BUILT_IN_COMMANDS, CONTEXT_KEYS } from '../constants';
import type { ExplorerModel, ViewState } from '../core/explorerModel';
import { describeFiltersLong, describeFiltersShort } from '../core/filters/filterDescription';
import { hasActiveFilters } from '../core/filters/filterState';
import { describeConnection } from './viewDescription';

// VS Code hides the description while the view is alone in its container, so the filters also go into the message: a
// filtered list must never look like the whole list. Welcome content shows only while the message is empty.
export class ViewHeader implements vscode.Disposable {
  private filtered: boolean | undefined;
  private state: ViewState | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly model: ExplorerModel,
  ) {
    this.subscription = model.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const { filters, knownVpcNames: names, viewState: state } = this.model;
    const description = describeFiltersShort(filters, names) || describeConnection(this.model.connection);
    const message = state === 'signedOut' || state === 'empty' ? undefined : describeFiltersLong(filters, names);
    // Called on every model change (each page): only real changes go to the workbench.
    if (description !== this.view.description) {
      this.view.description = description;
    }
    if (message !== this.view.message) {
      this.view.message = message;
    }
    const filtered = hasActiveFilters(filters);
    if (filtered !== this.filtered) {
      this.filtered = filtered;
      void vscode.commands.executeCommand(BUILT_IN_COMMANDS.setContext, CONTEXT_KEYS.filtered, filtered);
    }
    if (state !== this.state) {
      this.state = state;
      void vscode.commands.executeCommand(BUILT_IN_COMMANDS.setContext, CONTEXT_KEYS.viewState, state);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
