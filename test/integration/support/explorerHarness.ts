// Drives the real extension inside the extension host: activates it, points it at an emulator through the real
// settings and SecretStorage, and reads the tree the way VS Code does (getChildren + getTreeItem).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/testApi';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator, type ScpEmulatorOptions } from '../../emulator/scpEmulator';

export const EXTENSION_ID = 'scp-server-explorer.scp-server-explorer';

export async function activateExplorer(): Promise<ExplorerApi> {
  const extension = vscode.extensions.getExtension<ExplorerApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  return extension.activate();
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('scpExplorer');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await settings().update(key, value, vscode.ConfigurationTarget.Global);
}

/** Polls until `condition` holds; a test that waits for something that never happens fails with `what`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Points the extension at the emulator with stored keys, and waits for the reconnect that this causes. */
export async function connectTo(api: ExplorerApi, url: string, accessKey: string, secretKey: string): Promise<void> {
  await setSetting('endpoint', url);
  await api.credentials.save({ accessKey, secretKey });
  // Both changes reconnect through their change events; let those land before the explicit reconnect, so no
  // late event restarts the tree in the middle of a test.
  await new Promise((resolve) => setTimeout(resolve, 300));
  api.model.reconnect();
  await api.tree.getChildren();
}

export interface Row {
  node: unknown;
  item: vscode.TreeItem;
  label: string;
  description: string;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export async function rows(api: ExplorerApi, parent?: unknown): Promise<Row[]> {
  const tree = api.tree as unknown as vscode.TreeDataProvider<unknown>;
  const children = (await tree.getChildren(parent)) ?? [];
  return Promise.all(
    children.map(async (node) => {
      const item = await tree.getTreeItem(node);
      return { node, item, label: labelOf(item), description: String(item.description ?? '') };
    }),
  );
}

/** Every row of the tree, depth first, as `id` strings. */
export async function allIds(api: ExplorerApi, parent?: unknown): Promise<string[]> {
  const ids: string[] = [];
  for (const row of await rows(api, parent)) {
    ids.push(row.item.id ?? '');
    if (row.item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      ids.push(...(await allIds(api, row.node)));
    }
  }
  return ids;
}

export const isServerRow = (row: Row): boolean => (row.item.contextValue ?? '').startsWith('server;');
export const isMessageRow = (row: Row): boolean => (row.item.contextValue ?? '').startsWith('message;');
export const isLoadMoreRow = (row: Row): boolean => (row.item.contextValue ?? '').startsWith('loadMore;');

export interface ConnectedEmulator {
  api: ExplorerApi;
  emulator: ScpEmulator;
  /** Puts the settings back, forgets the keys and stops the emulator. */
  disconnect(): Promise<void>;
}

/** Starts an emulator and connects the activated extension to it with the demo keys and these settings. */
export async function startConnectedEmulator(
  options: ScpEmulatorOptions,
  settingsToUse: Record<string, unknown>,
): Promise<ConnectedEmulator> {
  const emulator = new ScpEmulator(options);
  await emulator.start();
  const api = await activateExplorer();
  for (const [key, value] of Object.entries(settingsToUse)) {
    await setSetting(key, value);
  }
  await connectTo(api, emulator.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
  return {
    api,
    emulator,
    async disconnect() {
      for (const key of [...Object.keys(settingsToUse), 'endpoint']) {
        await setSetting(key, undefined);
      }
      await api.credentials.clear();
      await emulator.stop();
    },
  };
}

/**
 * With SCP_EXPLORER_SCREENSHOTS set to a folder, shows the SCP view and asks the headless host for a picture of the
 * workbench as it is now (the host watches the log for the marker line and writes `<file>.done` when saved). Without
 * it, does nothing: the pictures are for the README, the assertions are the test.
 */
export async function screenshot(name: string): Promise<void> {
  const folder = process.env.SCP_EXPLORER_SCREENSHOTS;
  if (!folder) {
    return;
  }
  // A relative folder is taken from the repository root (out/test/integration/support → four levels up).
  const file = path.resolve(__dirname, '..', '..', '..', '..', folder, `${name}.png`);
  await vscode.commands.executeCommand('scpExplorer.servers.focus');
  await new Promise((resolve) => setTimeout(resolve, 800));
  fs.rmSync(`${file}.done`, { force: true });
  console.log(`SCP_SCREENSHOT ${file}`);
  await waitFor(() => fs.existsSync(`${file}.done`), `the screenshot ${file}`, 30_000);
  const result = fs.readFileSync(`${file}.done`, 'utf8');
  fs.rmSync(`${file}.done`, { force: true });
  if (result.startsWith('error')) {
    throw new Error(`screenshot ${file}: ${result}`);
  }
}
