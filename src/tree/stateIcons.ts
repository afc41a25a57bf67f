import * as vscode from 'vscode';
import { stateCategory, type StateCategory } from '../core/serverStates';

/** Colours from the theme, so every theme keeps its own green, grey and red. */
const ICONS: Record<StateCategory, { server: string; group: string; color?: string }> = {
  running: { server: 'vm-running', group: 'pass-filled', color: 'charts.green' },
  transitional: { server: 'loading~spin', group: 'sync', color: 'charts.yellow' },
  stopped: { server: 'vm-outline', group: 'circle-slash', color: 'disabledForeground' },
  error: { server: 'vm', group: 'error', color: 'errorForeground' },
  unknown: { server: 'vm', group: 'question' },
};

export function serverStateIcon(state: string): vscode.ThemeIcon {
  const icon = ICONS[stateCategory(state)];
  return new vscode.ThemeIcon(icon.server, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

export function stateGroupIcon(state: string): vscode.ThemeIcon {
  const icon = ICONS[stateCategory(state)];
  return new vscode.ThemeIcon(icon.group, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}
