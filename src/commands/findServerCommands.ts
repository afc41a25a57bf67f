import * as vscode from 'vscode';
import { notify } from '../notifications';
import { searchFilterFor, serverIps, serverMenuCommands, type MenuEntry } from '../core/findServer';
import type { Server } from '../core/serverModel';
import { serverStateIcon } from '../tree/stateIcons';
import { COMMANDS, CONTEXT_KEYS, VIEW_ID } from '../constants';
import type { ExplorerModel } from '../core/explorerModel';
import { filterCommandOf } from '../filters/filterCommandTable';
import type { ServerTreeProvider, TreeNode } from '../tree/serverTreeProvider';
import { readActionSettings } from '../settings';
import { registerCommand } from './commandRegistry';
import { pickFrom } from './quickPickAnswer';
import { noServersLoaded } from './serverTargets';
import { REMOTE_SSH_EXTENSION_ID } from '../core/remoteSsh';

interface ServerItem extends vscode.QuickPickItem {
  server?: Server;
  search?: { key: 'ip' | 'name'; value: string };
}

interface Manifest {
  contributes?: { commands?: { command: string; title: string }[]; menus?: Record<string, MenuEntry[]> };
}

/** The server row's context-menu commands, with their titles, read from the manifest so every new one is offered. */
function serverCommands(context: vscode.ExtensionContext, contextValue: string): { command: string; label: string }[] {
  const manifest = context.extension.packageJSON as Manifest;
  const titles = new Map((manifest.contributes?.commands ?? []).map((entry) => [entry.command, entry.title]));
  const keys = {
    [CONTEXT_KEYS.remoteSshInstalled]: vscode.extensions.getExtension(REMOTE_SSH_EXTENSION_ID) !== undefined,
    // Hard Reboot has its own menu entry only while actions are not confirmed.
    'config.scpExplorer.confirmActions': readActionSettings().confirmActions,
  };
  return serverMenuCommands(manifest.contributes?.menus?.['view/item/context'] ?? [], VIEW_ID, contextValue, keys).map((command) => {
    const title = titles.get(command) ?? command;
    return { command, label: /^%.*%$/.test(title) ? command : title };
  });
}

export function registerFindServerCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  model: ExplorerModel,
  tree: ServerTreeProvider,
  view: vscode.TreeView<TreeNode>,
): void {
  const items = (): ServerItem[] => {
    const extras = model.connection?.extras;
    return model.servers.map((server) => {
      const publicIps = extras?.knownPublicIpsOf(server.id) ?? [];
      const vpc = server.vpc_id ? (model.knownVpcNames.get(server.vpc_id) ?? server.vpc_id) : '';
      return {
        label: server.name || server.id,
        iconPath: serverStateIcon(server.state),
        // Every address is in the description, so typing any of them finds the server; the row's IP comes first.
        description: [...serverIps(server), ...publicIps.map((ip) => vscode.l10n.t('{0} (public)', ip))].join(' · '),
        detail: [server.state, vpc, server.id].filter(Boolean).join(' · '),
        server,
      };
    });
  };

  registerCommand(context, log, COMMANDS.findServer, async (text?: unknown) => {
    const quickPick = vscode.window.createQuickPick<ServerItem>();
    quickPick.title = vscode.l10n.t('Find Server');
    quickPick.placeholder = model.hasMore
      ? vscode.l10n.t('Name, IP or id of a loaded server; more pages exist: the last entry searches SCP')
      : vscode.l10n.t('Name, IP or id of a loaded server');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    // A tree redraw (following, VPC names) can take focus back to the view while it is open; only Escape closes it.
    quickPick.ignoreFocusOut = true;
    const loaded = items();
    const update = (): void => {
      const value = quickPick.value.trim();
      if (!model.hasMore || value === '') {
        quickPick.items = loaded;
        return;
      }
      const search = searchFilterFor(value);
      const searchItem: ServerItem = {
        label: `$(search) ${vscode.l10n.t('Search SCP for "{0}"', value)}`,
        description: search.key === 'ip' ? vscode.l10n.t('IP filter') : vscode.l10n.t('name filter'),
        alwaysShow: true,
        search,
      };
      quickPick.items = [...loaded, searchItem];
    };
    quickPick.onDidChangeValue(update);
    if (typeof text === 'string') {
      quickPick.value = text;
    }
    update();
    if (loaded.length === 0 && !model.hasMore) {
      quickPick.dispose();
      void notify(log, 'warning', noServersLoaded());
      return undefined;
    }
    const picked = await pickFrom(quickPick);
    quickPick.dispose();
    if (picked?.search) {
      // SCP filters the list; the picker opens again on what it found.
      await vscode.commands.executeCommand(filterCommandOf(picked.search.key), picked.search.value);
      return vscode.commands.executeCommand(COMMANDS.findServer);
    }
    if (!picked?.server) {
      return undefined;
    }
    const node = await tree.findServerNode(picked.server.id);
    if (!node) {
      return undefined;
    }
    await view.reveal(node, { select: true, focus: true });
    const commands = serverCommands(context, node.treeItem().contextValue ?? '');
    const action = await vscode.window.showQuickPick(commands, {
      title: picked.server.name || picked.server.id,
      placeHolder: vscode.l10n.t('What to do with this server (Escape: nothing)'),
      // The reveal above moves focus to the tree; that move must not close the question.
      ignoreFocusOut: true,
    });
    if (action) {
      await vscode.commands.executeCommand(action.command, node);
    }
    return { server: picked.server.id, command: action?.command };
  });
}
