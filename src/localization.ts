import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The extension's strings are translated in two ways that read the same bundle (l10n/bundle.l10n.<language>.json):
 * code that may use the editor API calls `vscode.l10n.t`; src/core and src/api, which must run without VS Code
 * (plain mocha), call `l10n.t` of `@vscode/l10n`, which answers the English text until it is given a bundle.
 * Both are called with a literal message (and `{0}` placeholders), so `npm run l10n` (l10n-dev export) finds each one.
 * Called first in activate(): every message is built when it is shown, never at module load.
 */
export function translateCoreMessages(): void {
  // Undefined while VS Code runs in English (or in a language without a bundle): then the English text is used.
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
}
