import * as vscode from 'vscode';
import { DETAILS_SCHEME, detailsPath, detailsQuery, detailsText, serverIdFromQuery } from '../core/detailsDocument';
import type { Server } from '../core/serverModel';

/** Fetches one server fresh from SCP (`GET /v1/servers/{id}`); rejects with a message for the user. */
export type ServerFetcher = (id: string) => Promise<Server>;

/** How long Show Details waits for VS Code to take in a refreshed text before showing the document anyway. */
const REFRESH_WAIT_MS = 5000;

/**
 * Read-only JSON documents of single servers under the `scp-server:` scheme. Show Details fetches the server
 * first (so a failure is reported like any command's), then opens the document or, when VS Code still holds it,
 * makes VS Code read it again: opening it again always shows SCP's current answer. A document restored after a
 * reload has no fetched text yet and fetches its own.
 */
export class ServerDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The latest text per document; dropped when VS Code closes the document. */
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly fetch: ServerFetcher,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.texts.delete(document.uri.toString())),
    ];
  }

  static uriFor(server: Pick<Server, 'id' | 'name'>): vscode.Uri {
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: detailsPath(server), query: detailsQuery(server.id) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) {
      return known;
    }
    const id = serverIdFromQuery(uri.query);
    if (!id) {
      return `${vscode.l10n.t('This is not a server details document: use Show Details on a server.')}\n`;
    }
    try {
      const text = detailsText(await this.fetch(id));
      this.texts.set(uri.toString(), text);
      return text;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`Show Details of ${id}: ${message}`);
      return `${vscode.l10n.t('Server {0} could not be loaded: {1}', id, message)}\n${vscode.l10n.t('Run Show Details on the server again to retry.')}\n`;
    }
  }

  /** Fetches the server, then shows its document with that text. */
  async show(id: string): Promise<vscode.TextDocument> {
    const server = await this.fetch(id);
    // The name comes from the fresh answer, so a renamed server opens under its new name.
    const uri = ServerDetailsProvider.uriFor(server);
    const key = uri.toString();
    const text = detailsText(server);
    this.texts.set(key, text);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open && open.getText() !== text) {
      await this.refresh(open, text);
    }
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  /** Makes VS Code read the document again, and waits until it has the new text. */
  private async refresh(document: vscode.TextDocument, text: string): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, REFRESH_WAIT_MS);
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && document.getText() === text) {
          done();
        }
      });
      this.changed.fire(document.uri);
    });
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }
}
