import * as vscode from 'vscode';

/** How long a show or refresh waits for VS Code to take in a new text before going on anyway. */
const RELOAD_WAIT_MS = 5000;

/** The latest text per document is kept until VS Code closes it. */
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

  /** For a document opened without a show (restored after a reload); `keep: false` makes the next look ask again. */
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
