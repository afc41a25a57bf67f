import * as vscode from 'vscode';
import { checkSettings, type CheckedSettings, type ExplorerSettings } from './core/settingsValidation';
import type { GroupBy } from './core/grouping';

/** The extension's settings: read and checked here, and their changes heard here, once for the whole extension. */

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

/** The settings with any problem in them; region, environment and endpoint are checked when connecting. */
export function readCheckedSettings(): CheckedSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return checkSettings(Object.fromEntries(KEYS.map((key) => [key, config.get(key)])));
}

export function readSettings(): ExplorerSettings {
  return readCheckedSettings().settings;
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

/** The one listener for configuration changes. */
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
