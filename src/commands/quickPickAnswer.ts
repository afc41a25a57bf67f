import type * as vscode from 'vscode';

/** Resolves once the pick is hidden, so a question asked next is not closed by this one's late hide. */
export function pickFrom<T extends vscode.QuickPickItem>(quickPick: vscode.QuickPick<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    let accepted: T | undefined;
    const subscriptions = [
      quickPick.onDidAccept(() => {
        // Enter on an empty list (a typed text that matches nothing) is not an answer.
        if (quickPick.selectedItems.length > 0) {
          accepted = quickPick.selectedItems[0];
          quickPick.hide();
        }
      }),
      quickPick.onDidHide(() => {
        subscriptions.forEach((subscription) => subscription.dispose());
        resolve(accepted);
      }),
    ];
    quickPick.show();
  });
}
