import * as vscode from 'vscode';

/** How long a show or refresh waits for VS Code to take in a new text before going on anyway. */
const RELOAD_WAIT_MS = 5000;

/**
 * Read-only documents of one URI scheme whose text the extension fetched: the latest text per document (dropped
 * when VS Code closes it), opening or reloading a document with a new text, and waiting until VS Code shows it.
 */
export abstract class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(scheme: string) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(scheme, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.texts.delete(document.uri.toString())),
    ];
  }

  /**
   * The text of a document VS Code opens without a show (one restored after a reload). `keep: false` for a message
   * in place of the content (a failure), so the next look asks again.
   */
  protected abstract fetchText(uri: vscode.Uri): Promise<{ text: string; keep: boolean }>;

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) {
      return known;
    }
    const { text, keep } = await this.fetchText(uri);
    if (keep) {
      this.texts.set(uri.toString(), text);
    }
    return text;
  }

  /** Shows the document of `uri` with `text`, making VS Code read it again when it still holds an older one. */
  protected async showText(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
    const key = uri.toString();
    this.texts.set(key, text);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open && open.getText() !== text) {
      await this.reload(open, text);
    }
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  /** Gives an open document a new text, and waits until VS Code has it. */
  protected reload(document: vscode.TextDocument, text: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, RELOAD_WAIT_MS);
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && document.getText() === text) {
          done();
        }
      });
      this.texts.set(document.uri.toString(), text);
      this.changed.fire(document.uri);
    });
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }
}
