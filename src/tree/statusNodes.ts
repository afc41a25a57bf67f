import * as vscode from 'vscode';
import { LOAD_MORE_CONTEXT_VALUE, MESSAGE_CONTEXT_VALUE } from '../core/contextValues';
import type { ScpError, ScpErrorKind } from '../core/scpError';
import { COMMANDS } from '../constants';

export class LoadMoreNode {
  readonly parent = undefined;
  readonly id = 'loadMore';

  constructor(
    private readonly loading: boolean,
    private readonly loaded: number,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'));
    item.id = this.id;
    item.description = vscode.l10n.t('{0} loaded', this.loaded);
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'more');
    item.contextValue = LOAD_MORE_CONTEXT_VALUE;
    item.tooltip = vscode.l10n.t('Load the next page of servers');
    if (!this.loading) {
      item.command = { command: COMMANDS.loadMore, title: vscode.l10n.t('Load More') };
    }
    return item;
  }
}

function headline(kind: ScpErrorKind): string {
  switch (kind) {
    case 'auth':
      return vscode.l10n.t('Access key not accepted');
    case 'forbidden':
      return vscode.l10n.t('Permission denied');
    case 'badRequest':
      return vscode.l10n.t('Request rejected');
    case 'notFound':
      return vscode.l10n.t('Not found');
    case 'versionUnsupported':
      return vscode.l10n.t('API version not supported');
    case 'throttled':
      return vscode.l10n.t('SCP is limiting requests');
    case 'server':
      return vscode.l10n.t('SCP server error');
    case 'network':
      return vscode.l10n.t('SCP is unreachable');
    case 'timeout':
      return vscode.l10n.t('SCP did not answer in time');
    case 'badResponse':
      return vscode.l10n.t('Unexpected answer from SCP');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
    case 'config':
      return vscode.l10n.t('Settings need attention');
  }
}

/** A failure shown in the tree, above whatever was already loaded, with Retry and Show Logs. */
export class MessageNode {
  readonly parent = undefined;
  readonly id = 'message';

  constructor(readonly error: ScpError) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(headline(this.error.kind));
    item.id = `${this.id}/${this.error.kind}`;
    item.description = this.error.message;
    item.tooltip = new vscode.MarkdownString().appendText(this.error.message).appendMarkdown(`\n\n*${vscode.l10n.t('Click to retry.')}*`);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = MESSAGE_CONTEXT_VALUE;
    item.command = { command: COMMANDS.retry, title: vscode.l10n.t('Retry') };
    return item;
  }
}
