import * as vscode from 'vscode';
import { DETAILS_SCHEME, detailsPath, detailsQuery, detailsText, serverIdFromQuery } from '../core/detailsDocument';
import type { Server } from '../core/serverModel';
import { ReadOnlyDocuments } from './readOnlyDocuments';

export type ServerFetcher = (id: string) => Promise<Server>;

/** Opening a document again always shows SCP's current answer; one restored after a reload fetches its own. */
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

  async show(id: string): Promise<vscode.TextDocument> {
    const server = await this.fetch(id);
    // The name comes from the fresh answer, so a renamed server opens under its new name.
    return this.showText(ServerDetailsProvider.uriFor(server), await this.textOf(server));
  }

  private async textOf(server: Server): Promise<string> {
    return detailsText({ ...server, ...(await this.extras(server)) });
  }
}
