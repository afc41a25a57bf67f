import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

// src/core and src/api run without VS Code (plain mocha), so they translate through `@vscode/l10n`, which answers English
// until it gets the bundle VS Code loaded: activate() calls this first, before any message is built.
export function translateCoreMessages(): void {
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
}
