import * as vscode from 'vscode';
import { describeFiltersLong, describeFiltersShort } from '../core/filterDescription';
import { hasActiveFilters } from '../core/filterState';
import type { FilterStore } from '../filters/filterStore';
import type { ServerTreeProvider } from './serverTreeProvider';
import { describeConnection } from './viewDescription';

/** Drives the `scpExplorer.filtered` context key: the Clear Filters title button and the no-match welcome. */
export const FILTERED_CONTEXT_KEY = 'scpExplorer.filtered';

/**
 * What the view says above its rows. The description holds the short filter summary while a filter or sort is
 * chosen, else where requests go. VS Code hides the description while this view is alone in its container (as it
 * is by default), so the same filters also go into TreeView.message, the line shown above the tree whenever it is
 * set: a filtered list must never look like the whole list. Where requests go is always in the status bar.
 * VS Code shows a view's welcome content only while the message is empty, so the message steps aside in the
 * states that have one (signed out, nothing matches): there the welcome says what to do, with its links.
 */
export class ViewHeader {
  private filtered: boolean | undefined;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly tree: ServerTreeProvider,
    private readonly filters: FilterStore,
  ) {}

  update(): void {
    const filters = this.filters.current;
    const names = this.tree.knownVpcNames;
    const description = describeFiltersShort(filters, names) || describeConnection(this.tree.connection);
    const state = this.tree.viewState;
    const message = state === 'signedOut' || state === 'empty' ? undefined : describeFiltersLong(filters, names);
    // Called on every tree change (each page): only real changes go to the workbench.
    if (description !== this.view.description) {
      this.view.description = description;
    }
    if (message !== this.view.message) {
      this.view.message = message;
    }
    const filtered = hasActiveFilters(filters);
    if (filtered !== this.filtered) {
      this.filtered = filtered;
      void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, filtered);
    }
  }
}
