import * as vscode from 'vscode';
import type { ExplorerModel } from '../core/explorerModel';
import { groupServers, prepareNameOrder, type Group, type GroupBy } from '../core/grouping';
import type { Server } from '../core/serverModel';
import { GroupNode, type GroupLabels } from './groupNode';
import { ServerNode } from './serverNode';
import { LoadMoreNode, MessageNode } from './statusNodes';

export type TreeNode = GroupNode | ServerNode | LoadMoreNode | MessageNode;

/** Node ids come from domain keys, so VS Code keeps what was expanded or selected across paging and refresh. */
export class ServerTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly model: ExplorerModel,
    private groupBy: GroupBy,
    /** The tooltip's public-IP line, looked up when a tooltip is about to show (never on paint). */
    private readonly publicIpLine?: (server: Server) => Promise<string | undefined>,
  ) {
    this.subscription = model.onDidChange(() => this.rebuild());
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return node instanceof GroupNode ? node.children : [];
    }
    // The first look at the view connects and loads; later calls find it done.
    const started = this.model.start();
    if (!this.roots && this.groupBy !== 'none') {
      prepareNameOrder();
    }
    await started;
    this.roots ??= this.buildRoots();
    return this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (node instanceof ServerNode) {
      item.tooltip = node.tooltip(this.model.knownVpcNames, await this.publicIpLine?.(node.server));
    }
    return item;
  }

  async findServerNode(id: string): Promise<ServerNode | undefined> {
    const search = (nodes: readonly TreeNode[]): ServerNode | undefined => {
      for (const node of nodes) {
        const found = node instanceof ServerNode ? (node.server.id === id ? node : undefined) : node instanceof GroupNode ? search(node.children) : undefined;
        if (found) {
          return found;
        }
      }
      return undefined;
    };
    return search(await this.getChildren());
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  setGroupBy(groupBy: GroupBy): void {
    if (groupBy !== this.groupBy) {
      this.groupBy = groupBy;
      this.rebuild();
    }
  }

  private rebuild(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  private buildRoots(): TreeNode[] {
    const model = this.model;
    const nodes: TreeNode[] = [];
    if (model.lastError) {
      nodes.push(new MessageNode(model.lastError));
    }
    const servers = model.servers;
    const labels: GroupLabels = { vpcNames: model.knownVpcNames, partial: model.hasMore };
    if (this.groupBy === 'none') {
      nodes.push(...servers.map((server) => new ServerNode(server, undefined, model.pendingAction(server.id))));
    } else {
      nodes.push(...groupServers(servers, this.groupBy, model.knownVpcNames).map((group) => toNode(group, undefined, labels, model)));
    }
    if (model.hasMore && servers.length > 0) {
      nodes.push(new LoadMoreNode(model.loading, servers.length));
    }
    return nodes;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function toNode(group: Group, parent: GroupNode | undefined, labels: GroupLabels, model: ExplorerModel): GroupNode {
  const node = new GroupNode(group, parent, labels);
  node.children =
    group.children.length > 0
      ? group.children.map((child) => toNode(child, node, labels, model))
      : group.servers.map((server) => new ServerNode(server, node, model.pendingAction(server.id)));
  return node;
}
