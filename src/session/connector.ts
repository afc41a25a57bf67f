import * as vscode from 'vscode';
import { ScpClient } from '../api/scpClient';
import { SignedTransport, type RequestLogger } from '../api/signedTransport';
import { CatalogCache, type VersionMemory } from '../core/apiVersionNegotiator';
import { AUTO_API_VERSION } from '../core/apiVersions';
import { Connection } from '../core/connection';
import { acceptLanguageFor, serviceBaseUrl } from '../core/endpoints';
import type { ConnectionState, Connector } from '../core/explorerModel';
import { RequestLimiter, type RequestBudget } from '../core/requestLimiter';
import { settingsError } from '../core/settingsValidation';
import type { StartupTimeline } from '../core/startupTimeline';
import { resolveCredentials } from '../credentials/credentialResolver';
import type { CredentialStore } from '../credentials/credentialStore';
import { outputChannelRequestLogger } from '../requestLog';
import { readSettings } from '../settings';
import { ApiVersionNotice } from './apiVersionNotice';
import type { SettingsProblems } from './settingsProblems';

export interface ConnectorSession {
  versionMemory: VersionMemory;
  /** The request budget of each new connection (the WAF's; integration tests scale it down). */
  pacing: { budget: RequestBudget };
  timeline: StartupTimeline;
  reconnect(why: string): void;
}

function limiterLog(log: vscode.LogOutputChannel) {
  return (waitMs: number, reason: 'pacing' | 'rejected'): void =>
    log.info(
      reason === 'rejected'
        ? `Holding requests back ${Math.ceil(waitMs / 1000)} s: SCP's firewall rejected a request.`
        : `Holding a request back ${(waitMs / 1000).toFixed(1)} s to stay under SCP's request limit.`,
    );
}

function markingLogger(logger: RequestLogger, timeline: StartupTimeline): RequestLogger {
  return {
    request(record) {
      timeline.mark(record.target.includes('/v1/vpcs') ? 'VPC list answered' : 'first server request answered');
      logger.request(record);
    },
  };
}

export function createConnector(
  store: CredentialStore,
  log: vscode.LogOutputChannel,
  problems: SettingsProblems,
  userAgent: string,
  session: ConnectorSession,
): Connector {
  // Version catalogs are read at most once per base URL in a VS Code session, and the advice shown once.
  const catalogs = new CatalogCache();
  const versionNotice = new ApiVersionNotice(session.versionMemory, (why) => session.reconnect(why));
  return async (): Promise<ConnectionState> => {
    const { timeline } = session;
    // The key is read while the settings are checked: the secret store answers over IPC, the settings do not.
    const reading = resolveCredentials(store, (message) => log.warn(message), process.env, (stage) => timeline.mark(`connect: ${stage}`));
    reading.catch(() => undefined);
    problems.report();
    timeline.mark('connect: settings problems checked');
    const settings = readSettings();
    timeline.mark('connect: settings read');
    const virtualServer = serviceBaseUrl('virtualserver', settings);
    const vpc = serviceBaseUrl('vpc', settings);
    // Both URLs come from the same settings: they are valid or invalid together.
    if (!virtualServer.ok || !vpc.ok) {
      const message = virtualServer.ok ? (vpc.ok ? '' : vpc.error) : virtualServer.error;
      log.error(`Settings: ${message}`);
      return { kind: 'misconfigured', error: settingsError(message) };
    }
    const credentials = await reading;
    timeline.mark('connect: credentials resolved');
    if (!credentials) {
      return { kind: 'signedOut' };
    }
    const transport = new SignedTransport({
      credentials: credentials.key,
      acceptLanguage: acceptLanguageFor(vscode.env.language, settings.acceptLanguage),
      userAgent,
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      logger: markingLogger(outputChannelRequestLogger(log), timeline),
      onSend: (url) => timeline.mark(url.includes('/v1/vpcs') ? 'VPC list request sent' : 'first server request sent'),
      limiter: new RequestLimiter(session.pacing.budget, undefined, limiterLog(log)),
    });
    const client = new ScpClient(
      transport,
      { virtualServerBaseUrl: virtualServer.value, vpcBaseUrl: vpc.value, apiVersion: settings.apiVersion },
      {
        memory: session.versionMemory,
        catalogs,
        log: (message) => log.info(message),
        onAdvice: (advice) => versionNotice.offer(advice, virtualServer.value, settings.apiVersion === AUTO_API_VERSION),
      },
    );
    const target = settings.endpoint ? new URL(virtualServer.value).host : `${settings.region} (${settings.environment})`;
    timeline.mark('connect: client created');
    log.info(`Connected to ${virtualServer.value} with the access key from ${credentials.source}.`);
    return { kind: 'connected', connection: new Connection(client, credentials.source, target, (message) => log.warn(message)) };
  };
}
