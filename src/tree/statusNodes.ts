import * as vscode from 'vscode';
import { LOAD_MORE_CONTEXT_VALUE, MESSAGE_CONTEXT_VALUE } from '../core/contextValues';
import type { ScpError, ScpErrorKind } from '../core/scpError';

/** The row after the last loaded server while the last page was full. */
export class LoadMoreNode {
  readonly parent = undefined;
  readonly id = 'loadMore';

  constructor(
    private readonly loading: boolean,
    private readonly loaded: number,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.loading ? 'Loading…' : 'Load more…');
    item.id = this.id;
    item.description = `${this.loaded} loaded`;
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'more');
    item.contextValue = LOAD_MORE_CONTEXT_VALUE;
    item.tooltip = 'Load the next page of servers';
    if (!this.loading) {
      item.command = { command: 'scpExplorer.loadMore', title: 'Load More' };
    }
    return item;
  }
}

const HEADLINES: Record<ScpErrorKind, string> = {
  auth: 'Access key not accepted',
  forbidden: 'Permission denied',
  badRequest: 'Request rejected',
  notFound: 'Not found',
  versionUnsupported: 'API version not supported',
  throttled: 'SCP is limiting requests',
  server: 'SCP server error',
  network: 'SCP is unreachable',
  timeout: 'SCP did not answer in time',
  badResponse: 'Unexpected answer from SCP',
  cancelled: 'Cancelled',
  config: 'Settings need attention',
};

/** A failure shown in the tree, above whatever was already loaded, with Retry and Show Logs. */
export class MessageNode {
  readonly parent = undefined;
  readonly id = 'message';

  constructor(readonly error: ScpError) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(HEADLINES[this.error.kind]);
    item.id = `${this.id}/${this.error.kind}`;
    item.description = this.error.message;
    item.tooltip = new vscode.MarkdownString().appendText(this.error.message).appendMarkdown('\n\n*Click to retry.*');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = MESSAGE_CONTEXT_VALUE;
    item.command = { command: 'scpExplorer.retry', title: 'Retry' };
    return item;
  }
}
