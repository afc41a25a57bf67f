import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Placeholder until the tree lands.
}

export function deactivate(): void {
  // Nothing to release: every disposable is owned by the extension context.
}
