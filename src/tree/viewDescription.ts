import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import type { CredentialSource } from '../core/connection';

function sourceLabel(source: CredentialSource): string {
  switch (source) {
    case 'secretStorage':
      return vscode.l10n.t('key: VS Code');
    case 'environment':
      return vscode.l10n.t('key: env');
    case 'scpConfig':
      return vscode.l10n.t('key: ~/.scpconf');
  }
}

export function describeConnection(connection: Connection | undefined): string {
  return connection ? `${connection.target} · ${sourceLabel(connection.source)}` : '';
}
