import * as vscode from 'vscode';
import { CONSOLE_LOG_SCHEME, consoleLogPath, consoleLogQuery, consoleLogText, serverIdOfConsoleQuery } from '../core/consoleLog';
import type { Server } from '../core/serverModel';
import { ReadOnlyDocuments } from './readOnlyDocuments';

export type ConsoleReader = (id: string) => Promise<{ server: Server; output: string | null }>;

/** Show Console Log reads first, so a failure is reported like any command's, and then opens the document. */
export class ConsoleLogProvider extends ReadOnlyDocuments {
  constructor(
    private readonly read: ConsoleReader,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super(CONSOLE_LOG_SCHEME);
  }

  static uriFor(server: Pick<Server, 'id' | 'name'>): vscode.Uri {
    return vscode.Uri.from({ scheme: CONSOLE_LOG_SCHEME, path: consoleLogPath(server), query: consoleLogQuery(server.id) });
  }

  protected async fetchText(uri: vscode.Uri): Promise<{ text: string; keep: boolean }> {
    const id = serverIdOfConsoleQuery(uri.query);
    if (!id) {
      return { text: `${vscode.l10n.t('This is not a console log: use Show Console Log on a server.')}\n`, keep: false };
    }
    try {
      return { text: await this.readText(id), keep: true };
    } catch (error) {
      this.log.warn(`Console log of ${id}: ${error instanceof Error ? error.message : String(error)}`);
      return { text: `${vscode.l10n.t('The console log could not be read. Use Refresh to try again; the log has the details.')}\n`, keep: false };
    }
  }

  async show(id: string): Promise<vscode.TextDocument> {
    const { server, output } = await this.read(id);
    return this.showText(ConsoleLogProvider.uriFor(server), consoleLogText(output, server.state));
  }

  /** Reads the console of the document's server again; a failure leaves the text as it was. */
  async refresh(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const id = serverIdOfConsoleQuery(uri.query);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!id || !document) {
      return undefined;
    }
    const text = await this.readText(id);
    if (document.getText() !== text) {
      await this.reload(document, text);
    }
    return document;
  }

  private async readText(id: string): Promise<string> {
    const { server, output } = await this.read(id);
    return consoleLogText(output, server.state);
  }
}
