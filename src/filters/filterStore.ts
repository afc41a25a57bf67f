import * as vscode from 'vscode';
import { deserializeFilters, serializeFilters } from '../core/filters/filterState';
import type { ServerFilters } from '../core/serverModel';
import { STORAGE_KEYS } from '../constants';

/** The workspaceState key. Per workspace, because each project tends to look at its own VPC or servers. */
export const FILTERS_STATE_KEY = STORAGE_KEYS.filters;

export class FilterStore implements vscode.Disposable {
  private filters: ServerFilters;
  private readonly changed = new vscode.EventEmitter<ServerFilters>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    this.filters = deserializeFilters(memento.get<unknown>(FILTERS_STATE_KEY));
  }

  get current(): ServerFilters {
    return this.filters;
  }

  /** Stored before listeners hear of it, so a reload right after a change already finds it. */
  async set(filters: ServerFilters): Promise<void> {
    const stored = serializeFilters(filters);
    this.filters = stored.filters;
    await this.memento.update(FILTERS_STATE_KEY, stored);
    this.changed.fire(this.filters);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
