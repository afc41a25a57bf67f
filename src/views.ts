import * as vscode from 'vscode';
import { detailsPublicIps, tooltipPublicIp } from './connect/publicIps';
import { ConnectionStatusBar } from './connectionStatusBar';
import { VIEW_ID } from './constants';
import { ServerDetailsProvider } from './details/serverDetailsProvider';
import type { Explorer } from './explorer';
import { readSettings } from './settings';
import { ServerTreeProvider, type TreeNode } from './tree/serverTreeProvider';
import { ViewHeader } from './tree/viewHeader';
import { ViewProgress } from './tree/viewProgress';

export interface Views {
  readonly tree: ServerTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly details: ServerDetailsProvider;
}

/** The tree, its header and progress, the status bar entry and the details documents, all reading the model. */
export function createViews(context: vscode.ExtensionContext, { model, log }: Explorer): Views {
  const tree = new ServerTreeProvider(model, readSettings().groupBy, tooltipPublicIp(model, log));
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const details = new ServerDetailsProvider(async (id) => (await model.requireConnection()).client.getServer(id), log, detailsPublicIps(model, log));
  context.subscriptions.push(tree, view, details, new ViewHeader(view, model), new ViewProgress(model), new ConnectionStatusBar(model));
  return { tree, view, details };
}
