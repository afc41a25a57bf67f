// Settings are read and checked here, and their changes heard here, once for the whole extension.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkSshSettings } from './core/connectSettings';
import { consoleLineSize } from './core/consoleLog';
import { settingsTextSets } from './core/workspaceSettingsText';
import { checkSettings, workspaceValueIgnored, type CheckedSettings, type ExplorerSettings } from './core/settingsValidation';
import type { SshSettings } from './core/sshCommand';
import type { GroupBy } from './core/grouping';

const SECTION = 'scpExplorer';
export type { ExplorerSettings };

/** Settings that change where or how requests are made: a change to one of them means a new connection. */
const CONNECTION_SETTINGS = ['region', 'environment', 'endpoint', 'apiVersion', 'acceptLanguage', 'requestTimeoutSeconds'];

const KEYS: (keyof ExplorerSettings)[] = [
  'region',
  'environment',
  'endpoint',
  'apiVersion',
  'acceptLanguage',
  'pageSize',
  'requestTimeoutSeconds',
  'groupBy',
];

/**
 * Settings only the user settings may set. The endpoint receives the access key id, the signed requests and the
 * filter values, and answers with the server list whose IPs people copy: a repository's `.vscode/settings.json`
 * must not choose it. package.json makes it `application`-scoped; a workspace value is ignored here all the same.
 */
const USER_ONLY_SETTINGS: readonly (keyof ExplorerSettings)[] = ['endpoint'];

export function workspaceValuesIgnored(): string[] {
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)];
  const files = workspaceSettingsFiles();
  return USER_ONLY_SETTINGS.filter(
    (key) =>
      scopes.some((scope) => {
        const inspected = vscode.workspace.getConfiguration(SECTION, scope).inspect(key);
        return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
      }) || files.some((file) => settingsTextSets(file.text, SECTION, key, file.workspaceFile)),
  );
}

/** Far above a real settings file; a larger one is not read. */
const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/** The text of the workspace's settings files on disk: each folder's `.vscode/settings.json`, the `.code-workspace`. */
function workspaceSettingsFiles(): { text: string; workspaceFile: boolean }[] {
  const candidates = (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => ({ file: path.join(folder.uri.fsPath, '.vscode', 'settings.json'), workspaceFile: false }));
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile?.scheme === 'file') {
    candidates.push({ file: workspaceFile.fsPath, workspaceFile: true });
  }
  return candidates.flatMap(({ file, workspaceFile }) => {
    try {
      const info = fs.statSync(file);
      return info.isFile() && info.size <= MAX_SETTINGS_FILE_BYTES ? [{ text: fs.readFileSync(file, 'utf8'), workspaceFile }] : [];
    } catch {
      return []; // no such file: nothing set there
    }
  });
}

/** The settings with any problem in them; region, environment and endpoint are checked when connecting. */
function checkedValues(): CheckedSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const userOnly = (key: keyof ExplorerSettings): unknown => {
    const inspected = config.inspect(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
  };
  return checkSettings(Object.fromEntries(KEYS.map((key) => [key, USER_ONLY_SETTINGS.includes(key) ? userOnly(key) : config.get(key)])));
}

// Only the problem report scans the workspace's settings files on disk; reading values (activation, every connect) does not.
export function readCheckedSettings(): CheckedSettings {
  const checked = checkedValues();
  const ignored = workspaceValuesIgnored();
  return ignored.length === 0 ? checked : { ...checked, problems: [...ignored.map(workspaceValueIgnored), ...checked.problems] };
}

export function readSettings(): ExplorerSettings {
  return checkedValues().settings;
}

/** The settings of server actions; read each time they matter, so a change applies at once. */
export function readActionSettings(): { confirmActions: boolean; followChangingServers: boolean } {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    confirmActions: config.get('confirmActions') !== false,
    followChangingServers: config.get('followChangingServers') !== false,
  };
}

/**
 * SSH settings only the user settings may set: extra arguments reach ssh (`-oProxyCommand=…` runs a command) and a
 * key file is offered to the server, so a repository's `.vscode/settings.json` must not choose them. package.json
 * makes them `machine`-scoped; a workspace value is ignored here all the same.
 */
const USER_ONLY_SSH_SETTINGS = ['extraArgs', 'identityFiles'];

/** The SSH settings, read when a connect command runs: nothing holds them, so no change needs hearing. */
export function readSshSettings(): SshSettings {
  const config = vscode.workspace.getConfiguration(`${SECTION}.ssh`);
  return checkSshSettings((key) => (USER_ONLY_SSH_SETTINGS.includes(key) ? userValue(config, key) : config.get<unknown>(key)));
}

function userValue(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const inspected = config.inspect(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function readConsoleLines(): number {
  return consoleLineSize(vscode.workspace.getConfiguration(SECTION).get<unknown>('consoleLog.lines'));
}

/** Remote-SSH's own setting for its SSH config file, which Add to SSH Config writes to as well. */
export function readRemoteSshConfigFile(): string | undefined {
  // The file Add to SSH Config writes to: a workspace does not choose it.
  const configured = userValue(vscode.workspace.getConfiguration('remote.SSH'), 'configFile');
  return typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : undefined;
}

/** Writes user settings (Group By, Import from SCP Config); the change then reaches the model like any other. */
export async function writeUserSettings(values: Partial<ExplorerSettings>): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
  }
}

export interface SettingsHandlers {
  connection(): void;
  pageSize(pageSize: number): void;
  groupBy(groupBy: GroupBy): void;
}

export function onDidChangeSettings(handlers: SettingsHandlers): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const affects = (key: string): boolean => event.affectsConfiguration(`${SECTION}.${key}`);
    if (CONNECTION_SETTINGS.some(affects)) {
      handlers.connection();
    }
    if (affects('pageSize')) {
      handlers.pageSize(readSettings().pageSize);
    }
    if (affects('groupBy')) {
      handlers.groupBy(readSettings().groupBy);
    }
  });
}
