import * as vscode from 'vscode';
import { isGroupBy, type GroupBy } from './core/grouping';

/** The extension's settings, read in one place with their defaults, so nothing else calls getConfiguration. */

export const SECTION = 'scpExplorer';

export interface ExplorerSettings {
  region: string;
  environment: string;
  endpoint: string;
  apiVersion: string;
  acceptLanguage: string;
  pageSize: number;
  requestTimeoutSeconds: number;
  groupBy: GroupBy;
}

/** Settings that change where or how requests are made: a change to one of them means a new connection. */
export const CONNECTION_SETTINGS = ['region', 'environment', 'endpoint', 'apiVersion', 'acceptLanguage', 'requestTimeoutSeconds'];

export const PAGE_SIZE_MIN = 1;
export const PAGE_SIZE_MAX = 1000;

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

export function readSettings(): ExplorerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const groupBy = config.get<string>('groupBy', 'vpcState');
  return {
    region: config.get<string>('region', 'kr-west1').trim(),
    environment: config.get<string>('environment', 'e').trim(),
    endpoint: config.get<string>('endpoint', '').trim(),
    apiVersion: config.get<string>('apiVersion', 'virtualserver 1.1').trim(),
    acceptLanguage: config.get<string>('acceptLanguage', 'auto'),
    pageSize: clamp(config.get<number>('pageSize', 50), PAGE_SIZE_MIN, PAGE_SIZE_MAX, 50),
    requestTimeoutSeconds: clamp(config.get<number>('requestTimeoutSeconds', 30), 1, 600, 30),
    groupBy: isGroupBy(groupBy) ? groupBy : 'vpcState',
  };
}

export function affectsAny(event: vscode.ConfigurationChangeEvent, keys: readonly string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
