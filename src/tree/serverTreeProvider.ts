import * as vscode from 'vscode';
import { groupServers, type Group, type GroupBy } from '../core/grouping';
import { ServerListing, type LoadOutcome, type PageSource } from '../core/serverListing';
import type { Server, ServerFilters } from '../core/serverModel';
import type { ScpError } from '../core/scpError';
import type { Connection } from '../session/connection';
import type { ExplorerSession, SessionState } from '../session/explorerSession';
import { readSettings } from '../settings';
import { GroupNode, type GroupLabels } from './groupNode';
import { ServerNode } from './serverNode';
import { LoadMoreNode, MessageNode } from './statusNodes';

export type TreeNode = GroupNode | ServerNode | LoadMoreNode | MessageNode;

/** What the view shows as a whole; drives `viewsWelcome` through the `scpExplorer.viewState` context key. */
export type ViewState = 'loading' | 'signedOut' | 'misconfigured' | 'empty' | 'loaded' | 'failed';

export const VIEW_ID = 'scpExplorer.servers';

/** How long the first paint waits for VPC names once the first page is there. */
const VPC_NAMES_GRACE_MS = 300;

/**
 * The Virtual Servers tree. Requests happen only when the view asks for its root or the user asks for more; the
 * loaded servers live in a ServerListing, and the nodes are rebuilt from it (cheaply, in memory) on every change.
 * Node ids come from domain keys, so VS Code keeps what was expanded or selected across paging and refresh.
 */
export class ServerTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<ViewState>();
  readonly onDidChangeViewState = this.stateChanged.event;

  private session: SessionState | undefined;
  private listing: ServerListing | undefined;
  private starting: Promise<void> | undefined;
  private vpcNames: ReadonlyMap<string, string> = new Map();
  private roots: TreeNode[] | undefined;
  private filters: ServerFilters = {};
  private groupBy: GroupBy;
  private state: ViewState = 'loading';
  private readonly subscriptions: vscode.Disposable[];

  /** `filters`: the query to start with (restored from the workspace), so the first request already uses it. */
  constructor(
    private readonly explorer: ExplorerSession,
    filters: ServerFilters = {},
  ) {
    this.filters = filters;
    this.groupBy = readSettings().groupBy;
    this.subscriptions = [explorer.onDidChange(() => this.restart())];
  }

  get viewState(): ViewState {
    return this.state;
  }

  get connection(): Connection | undefined {
    return this.session?.kind === 'connected' ? this.session.connection : undefined;
  }

  /** The servers loaded so far, in the API's order. */
  get servers(): readonly Server[] {
    return this.listing?.servers ?? [];
  }

  /** VPC id → name, for labels and pickers; empty until the VPC list arrives, or when the key may not list VPCs. */
  get knownVpcNames(): ReadonlyMap<string, string> {
    return this.vpcNames;
  }

  get hasMore(): boolean {
    return this.listing?.hasMore ?? false;
  }

  get lastError(): ScpError | undefined {
    return this.session?.kind === 'misconfigured' ? this.session.error : this.listing?.lastError;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return node instanceof GroupNode ? node.children : [];
    }
    await this.start();
    this.roots ??= this.buildRoots();
    return this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node instanceof ServerNode) {
      item.tooltip = node.tooltip(this.vpcNames);
    }
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Loads the next page. A call while a page is loading sends nothing. */
  async loadMore(): Promise<LoadOutcome | undefined> {
    await this.start();
    return this.listing ? this.withViewProgress(this.listing.loadNext()) : undefined;
  }

  /** Pages to the end, reporting the count after every page; stops at the first failure or when cancelled. */
  async loadAll(report: (loaded: number) => void, token: vscode.CancellationToken): Promise<LoadOutcome | undefined> {
    await this.start();
    const listing = this.listing;
    if (!listing) {
      return undefined;
    }
    const cancel = token.onCancellationRequested(() => listing.cancelInFlight());
    try {
      for (;;) {
        await listing.settled();
        if (token.isCancellationRequested || listing !== this.listing) {
          return 'stale';
        }
        const outcome = await listing.loadNext();
        report(listing.servers.length);
        if (outcome !== 'loaded' && outcome !== 'busy') {
          return outcome;
        }
      }
    } finally {
      cancel.dispose();
    }
  }

  /** Starts over from page one with the same connection (VPC names stay cached); what is shown stays until then. */
  async refresh(): Promise<LoadOutcome | undefined> {
    if (!this.listing || this.session?.kind !== 'connected') {
      this.restart();
      await this.start();
      return this.listing?.lastError ? 'failed' : undefined;
    }
    this.listing.restart(this.pageSource(this.session.connection), readSettings().pageSize);
    return this.firstPage();
  }

  /** Retry after a failure: the page that failed, or the whole connection when the settings were the problem. */
  async retry(): Promise<LoadOutcome | undefined> {
    if (this.session?.kind !== 'connected') {
      this.explorer.invalidate('retry');
      await this.start();
      return undefined;
    }
    return this.listing?.hasStarted ? this.loadMore() : this.refresh();
  }

  setGroupBy(groupBy: GroupBy): void {
    if (groupBy !== this.groupBy) {
      this.groupBy = groupBy;
      this.rebuild();
    }
  }

  /** New filters or page size: a new query from page one, on the same connection. */
  setQuery(filters: ServerFilters): Promise<LoadOutcome | undefined> {
    this.filters = filters;
    return this.refresh();
  }

  /** A new connection: forget everything, and load again when the view asks. */
  private restart(): void {
    this.listing?.cancelInFlight();
    this.listing = undefined;
    this.session = undefined;
    this.starting = undefined;
    this.vpcNames = new Map();
    this.setState('loading');
    this.rebuild();
  }

  private start(): Promise<void> {
    this.starting ??= this.connectAndLoad();
    return this.starting;
  }

  private async connectAndLoad(): Promise<void> {
    const session = await this.explorer.current();
    this.session = session;
    if (session.kind === 'signedOut') {
      this.setState('signedOut');
      return;
    }
    if (session.kind === 'misconfigured') {
      this.setState('misconfigured');
      return;
    }
    const connection = session.connection;
    this.newListing(connection);
    // VPC names load beside the first page (1 list + 1 VPC request), so the first paint usually shows names. A slow
    // VPC API must not hold the servers back: after a short grace the tree shows ids, and names when they come.
    const names = connection.vpcNamesOnce().then((map) => {
      if (this.connection === connection) {
        this.vpcNames = map;
        this.rebuild();
      }
    });
    await this.firstPage();
    await Promise.race([names, new Promise((resolve) => setTimeout(resolve, VPC_NAMES_GRACE_MS))]);
    this.rebuild();
  }

  private newListing(connection: Connection): void {
    this.listing?.cancelInFlight();
    const listing: ServerListing = new ServerListing(this.pageSource(connection), readSettings().pageSize, () => {
      if (this.listing === listing) {
        this.rebuild();
      }
    });
    this.listing = listing;
  }

  private pageSource(connection: Connection): PageSource {
    const filters = this.filters;
    return (page, signal) => connection.client.listServers(filters, page, { signal });
  }

  private async firstPage(): Promise<LoadOutcome | undefined> {
    return this.listing ? this.withViewProgress(this.listing.loadNext()) : undefined;
  }

  private withViewProgress<T>(work: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work));
  }

  private rebuild(): void {
    this.roots = undefined;
    const listing = this.listing;
    if (listing && this.session?.kind === 'connected') {
      const failed = listing.lastError !== undefined;
      const empty = listing.complete && listing.servers.length === 0;
      this.setState(listing.loading ? 'loading' : failed ? 'failed' : empty ? 'empty' : 'loaded');
    }
    this.changed.fire(undefined);
  }

  private buildRoots(): TreeNode[] {
    if (this.session?.kind === 'misconfigured') {
      return [new MessageNode(this.session.error)];
    }
    const listing = this.listing;
    if (!listing) {
      return [];
    }
    const nodes: TreeNode[] = [];
    if (listing.lastError) {
      nodes.push(new MessageNode(listing.lastError));
    }
    const labels: GroupLabels = { vpcNames: this.vpcNames, partial: listing.hasMore };
    if (this.groupBy === 'none') {
      nodes.push(...listing.servers.map((server) => new ServerNode(server, undefined)));
    } else {
      nodes.push(...groupServers(listing.servers, this.groupBy, this.vpcNames).map((group) => toNode(group, undefined, labels)));
    }
    if (listing.hasMore && listing.servers.length > 0) {
      nodes.push(new LoadMoreNode(listing.loading, listing.servers.length));
    }
    return nodes;
  }

  private setState(state: ViewState): void {
    if (state !== this.state) {
      this.state = state;
      this.stateChanged.fire(state);
    }
  }

  dispose(): void {
    this.listing?.cancelInFlight();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}

function toNode(group: Group, parent: GroupNode | undefined, labels: GroupLabels): GroupNode {
  const node = new GroupNode(group, parent, labels);
  node.children =
    group.children.length > 0
      ? group.children.map((child) => toNode(child, node, labels))
      : group.servers.map((server) => new ServerNode(server, node));
  return node;
}
