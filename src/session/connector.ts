import * as vscode from 'vscode';
import { ScpClient } from '../api/scpClient';
import { SignedTransport } from '../api/signedTransport';
import { Connection } from '../core/connection';
import { acceptLanguageFor, serviceBaseUrl } from '../core/endpoints';
import type { ConnectionState, Connector } from '../core/explorerModel';
import { ScpError } from '../core/scpError';
import { resolveCredentials } from '../credentials/credentialResolver';
import type { CredentialStore } from '../credentials/credentialStore';
import { outputChannelRequestLogger } from '../requestLog';
import { readCheckedSettings } from '../settings';
import type { SettingsProblems } from './settingsProblems';

/** Builds a connection from the settings and the access key each time the model (re)connects. */
export function createConnector(
  store: CredentialStore,
  log: vscode.LogOutputChannel,
  problems: SettingsProblems,
  userAgent: string,
): Connector {
  return async (): Promise<ConnectionState> => {
    problems.report();
    const { settings } = readCheckedSettings();
    const virtualServer = serviceBaseUrl('virtualserver', settings);
    const vpc = serviceBaseUrl('vpc', settings);
    // Both URLs come from the same settings: they are valid or invalid together.
    if (!virtualServer.ok || !vpc.ok) {
      const message = virtualServer.ok ? (vpc.ok ? '' : vpc.error) : virtualServer.error;
      log.error(`Settings: ${message}`);
      return { kind: 'misconfigured', error: new ScpError('config', vscode.l10n.t('{0} Fix it in the SCP Server Explorer settings.', message)) };
    }
    const credentials = await resolveCredentials(store, (message) => log.warn(message));
    if (!credentials) {
      return { kind: 'signedOut' };
    }
    const transport = new SignedTransport({
      credentials: credentials.key,
      acceptLanguage: acceptLanguageFor(vscode.env.language, settings.acceptLanguage),
      userAgent,
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      logger: outputChannelRequestLogger(log),
    });
    const client = new ScpClient(transport, {
      virtualServerBaseUrl: virtualServer.value,
      vpcBaseUrl: vpc.value,
      apiVersion: settings.apiVersion,
    });
    const target = settings.endpoint ? new URL(virtualServer.value).host : `${settings.region} (${settings.environment})`;
    log.info(`Connected to ${virtualServer.value} with the access key from ${credentials.source}.`);
    return { kind: 'connected', connection: new Connection(client, credentials.source, target, (message) => log.warn(message)) };
  };
}
