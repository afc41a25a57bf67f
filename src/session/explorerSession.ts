import * as vscode from 'vscode';
import { ScpClient } from '../api/scpClient';
import { SignedTransport } from '../api/signedTransport';
import { acceptLanguageFor, serviceBaseUrl } from '../core/endpoints';
import type { ScpError } from '../core/scpError';
import { settingsError } from '../core/settingsValidation';
import { resolveCredentials } from '../credentials/credentialResolver';
import type { CredentialStore } from '../credentials/credentialStore';
import { outputChannelRequestLogger } from '../requestLog';
import { CONNECTION_SETTINGS, affectsAny, readCheckedSettings } from '../settings';
import { SettingsProblemReporter } from '../settingsProblems';
import { Connection } from './connection';

export type SessionState =
  | { kind: 'signedOut' }
  | { kind: 'misconfigured'; error: ScpError }
  | { kind: 'connected'; connection: Connection };

/**
 * Turns settings and keys into a connection, lazily and once until either changes. The tree asks `current()`;
 * `onDidChange` tells it to start over with a new connection.
 */
export class ExplorerSession implements vscode.Disposable {
  private state: Promise<SessionState> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly settingsProblems: SettingsProblemReporter;

  constructor(
    private readonly store: CredentialStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly userAgent: string,
  ) {
    this.settingsProblems = new SettingsProblemReporter(log);
    this.subscriptions = [
      store.onDidChange(() => this.invalidate('the access key changed')),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsAny(event, CONNECTION_SETTINGS)) {
          this.invalidate('connection settings changed');
        }
      }),
    ];
  }

  current(): Promise<SessionState> {
    this.state ??= this.connect();
    return this.state;
  }

  invalidate(why: string): void {
    this.log.info(`Reconnecting: ${why}.`);
    this.state = undefined;
    this.changed.fire();
  }

  /** Says once, as a warning with a way to the settings, what in the settings could not be used as written. */
  reportSettingsProblems(): void {
    this.settingsProblems.report();
  }

  private async connect(): Promise<SessionState> {
    this.reportSettingsProblems();
    const { settings } = readCheckedSettings();
    const virtualServer = serviceBaseUrl('virtualserver', settings);
    const vpc = serviceBaseUrl('vpc', settings);
    // Both URLs come from the same settings: they are valid or invalid together.
    if (!virtualServer.ok || !vpc.ok) {
      const message = virtualServer.ok ? (vpc.ok ? '' : vpc.error) : virtualServer.error;
      this.log.error(`Settings: ${message}`);
      return { kind: 'misconfigured', error: settingsError(message) };
    }
    const credentials = await resolveCredentials(this.store, (message) => this.log.warn(message));
    if (!credentials) {
      return { kind: 'signedOut' };
    }
    const transport = new SignedTransport({
      credentials: credentials.key,
      acceptLanguage: acceptLanguageFor(vscode.env.language, settings.acceptLanguage),
      userAgent: this.userAgent,
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      logger: outputChannelRequestLogger(this.log),
    });
    const client = new ScpClient(transport, {
      virtualServerBaseUrl: virtualServer.value,
      vpcBaseUrl: vpc.value,
      apiVersion: settings.apiVersion,
    });
    const target = settings.endpoint ? new URL(virtualServer.value).host : `${settings.region} (${settings.environment})`;
    this.log.info(`Connected to ${virtualServer.value} with the access key from ${credentials.source}.`);
    return { kind: 'connected', connection: new Connection(client, credentials.source, target, this.log) };
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }
}
