import * as vscode from 'vscode';
import { STATE_CONTEXT_VALUE, vpcContextValue } from '../core/contextValues';
import { NO_VPC, type Group } from '../core/grouping';
import type { ServerNode } from './serverNode';
import { stateGroupIcon } from './stateIcons';

export interface GroupLabels {
  vpcNames: ReadonlyMap<string, string>;
  /** More pages exist: counts are of what is loaded, shown as `12+`. */
  partial: boolean;
}

/** A VPC or a state. Its children are built with it, so expanding costs nothing and sends nothing. */
export class GroupNode {
  children: (GroupNode | ServerNode)[] = [];

  constructor(
    readonly group: Group,
    readonly parent: GroupNode | undefined,
    private readonly labels: GroupLabels,
  ) {}

  get id(): string {
    return this.group.id;
  }

  get vpcId(): string | undefined {
    return this.group.key.kind === 'vpc' && this.group.key.vpcId !== NO_VPC ? this.group.key.vpcId : undefined;
  }

  get label(): string {
    const key = this.group.key;
    if (key.kind === 'state') {
      return key.state;
    }
    return key.vpcId === NO_VPC ? vscode.l10n.t('No VPC') : (this.labels.vpcNames.get(key.vpcId) ?? key.vpcId);
  }

  treeItem(): vscode.TreeItem {
    // Top-level groups open by default; VS Code remembers what the user changed, by id.
    const collapsed = this.parent ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(this.label, collapsed);
    item.id = this.id;
    const count = `${this.group.count}${this.labels.partial ? '+' : ''}`;
    item.description = count;
    const key = this.group.key;
    const countText = this.labels.partial
      ? vscode.l10n.t('{0} servers loaded (more pages to load)', count)
      : this.group.count === 1
        ? vscode.l10n.t('1 server loaded')
        : vscode.l10n.t('{0} servers loaded', count);
    if (key.kind === 'vpc') {
      item.iconPath = new vscode.ThemeIcon(key.vpcId === NO_VPC ? 'circle-large-outline' : 'cloud');
      item.contextValue = vpcContextValue(key.vpcId !== NO_VPC);
      item.tooltip =
        key.vpcId === NO_VPC
          ? `${vscode.l10n.t('Servers without a VPC')}\n${countText}`
          : `${this.label}\n${vscode.l10n.t('VPC ID: {0}', key.vpcId)}\n${countText}`;
    } else {
      item.iconPath = stateGroupIcon(key.state);
      item.contextValue = STATE_CONTEXT_VALUE;
      item.tooltip = `${key.state}\n${countText}`;
    }
    return item;
  }
}
