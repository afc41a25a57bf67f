import * as vscode from 'vscode';
import { checkSettings, type CheckedSettings, type ExplorerSettings } from './core/settingsValidation';

/** The extension's settings, read in one place and checked, so nothing else calls getConfiguration. */

export const SECTION = 'scpExplorer';
export type { ExplorerSettings };

/** Settings that change where or how requests are made: a change to one of them means a new connection. */
export const CONNECTION_SETTINGS = ['region', 'environment', 'endpoint', 'apiVersion', 'acceptLanguage', 'requestTimeoutSeconds'];

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

export function affectsAny(event: vscode.ConfigurationChangeEvent, keys: readonly string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
