import * as vscode from 'vscode';
import { DETAILS_SCHEME, detailsPath, detailsQuery, detailsText, serverIdFromQuery } from '../core/detailsDocument';
import type { Server } from '../core/serverModel';
import { ReadOnlyDocuments } from './readOnlyDocuments';

/** Fetches one server fresh from SCP (`GET /v1/servers/{id}`); rejects with a message for the user. */
export type ServerFetcher = (id: string) => Promise<Server>;

/**
 * Read-only JSON documents of single servers under the `scp-server:` scheme. Show Details fetches the server
 * first (so a failure is reported like any command's), then opens the document or, when VS Code still holds it,
 * makes VS Code read it again: opening it again always shows SCP's current answer. A document restored after a
 * reload has no fetched text yet and fetches its own.
 */
export class ServerDetailsProvider extends ReadOnlyDocuments {
  constructor(
    private readonly fetch: ServerFetcher,
    private readonly log: vscode.LogOutputChannel,
    /** Facts read elsewhere that the document shows after the server's own fields (the public IP). */
    private readonly extras: (server: Server) => Promise<Record<string, unknown>> = async () => ({}),
  ) {
    super(DETAILS_SCHEME);
  }

  static uriFor(server: Pick<Server, 'id' | 'name'>): vscode.Uri {
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: detailsPath(server), query: detailsQuery(server.id) });
  }

  protected async fetchText(uri: vscode.Uri): Promise<{ text: string; keep: boolean }> {
    const id = serverIdFromQuery(uri.query);
    if (!id) {
      return { text: `${vscode.l10n.t('This is not a server details document: use Show Details on a server.')}\n`, keep: false };
    }
    try {
      return { text: await this.textOf(await this.fetch(id)), keep: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`Show Details of ${id}: ${message}`);
      const text = `${vscode.l10n.t('Server {0} could not be loaded: {1}', id, message)}\n${vscode.l10n.t('Run Show Details on the server again to retry.')}\n`;
      return { text, keep: false };
    }
  }

  /** Fetches the server, then shows its document with that text. */
  async show(id: string): Promise<vscode.TextDocument> {
    const server = await this.fetch(id);
    // The name comes from the fresh answer, so a renamed server opens under its new name.
    return this.showText(ServerDetailsProvider.uriFor(server), await this.textOf(server));
  }

  private async textOf(server: Server): Promise<string> {
    return detailsText({ ...server, ...(await this.extras(server)) });
  }
}
