import * as vscode from 'vscode';
import { serverContextValue } from '../core/contextValues';
import { serverAction, type ServerActionId } from '../core/serverActions';
import { primaryIp } from '../core/serverFacts';
import { serverTooltipMarkdown } from '../core/serverTooltip';
import type { Server } from '../core/serverModel';
import type { GroupNode } from './groupNode';
import { serverStateIcon } from './stateIcons';

export class ServerNode {
  constructor(
    readonly server: Server,
    readonly parent: GroupNode | undefined,
    /** An action of ours still running on the server: the row says so until it is done. */
    readonly pending?: ServerActionId,
  ) {}

  /** A server is shown once whatever the grouping, so its id alone is unique and stable. */
  get id(): string {
    return `server/${this.server.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.server.name || this.server.id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.pending ? serverAction(this.pending).progress() : (primaryIp(this.server) ?? '');
    item.iconPath = this.pending ? new vscode.ThemeIcon('loading~spin', new vscode.ThemeColor('charts.yellow')) : serverStateIcon(this.server.state);
    item.contextValue = serverContextValue(this.server, this.pending);
    item.accessibilityInformation = { label: `${this.server.name}, ${this.server.state}, ${item.description || vscode.l10n.t('no IP')}` };
    return item;
  }

  /** Built only when the tooltip is shown (resolveTreeItem), so drawing hundreds of rows stays cheap. */
  tooltip(vpcNames: ReadonlyMap<string, string>, publicIp?: string): vscode.MarkdownString {
    const vpcName = this.server.vpc_id ? vpcNames.get(this.server.vpc_id) : undefined;
    return new vscode.MarkdownString(serverTooltipMarkdown(this.server, { vpcName, publicIp }));
  }
}
