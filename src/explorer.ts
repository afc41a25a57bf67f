import * as vscode from 'vscode';
import { ExplorerModel } from './core/explorerModel';
import { StartupTimeline } from './core/startupTimeline';
import { WAF_BUDGET, type RequestBudget } from './core/requestLimiter';
import { CredentialStore } from './credentials/credentialStore';
import { FilterStore } from './filters/filterStore';
import { globalStateVersionMemory } from './session/apiVersionNotice';
import { createConnector } from './session/connector';
import { SettingsProblems } from './session/settingsProblems';
import { readActionSettings, readSettings } from './settings';

export interface Explorer {
  readonly log: vscode.LogOutputChannel;
  readonly credentials: CredentialStore;
  readonly filters: FilterStore;
  readonly settingsProblems: SettingsProblems;
  readonly model: ExplorerModel;
  /** Integration tests scale it down so they need not wait minutes. */
  readonly pacing: { budget: RequestBudget };
  readonly timeline: StartupTimeline;
}

/** The connector reads settings and keys each time the model connects, so a reconnect picks up their changes. */
export function createExplorer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, timeline = new StartupTimeline()): Explorer {
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const credentials = new CredentialStore(context.secrets);
  credentials.readEarly();
  const filters = new FilterStore(context.workspaceState);
  const settingsProblems = new SettingsProblems(log);
  const userAgent = `scp-server-explorer/${version} (VS Code ${vscode.version})`;
  const pacing = { budget: WAF_BUDGET };
  const connectorSession = {
    versionMemory: globalStateVersionMemory(context.globalState),
    pacing,
    timeline,
    reconnect: (why: string) => reconnect(model, log, why),
  };
  const model: ExplorerModel = new ExplorerModel({
    connect: createConnector(credentials, log, settingsProblems, userAgent, connectorSession),
    filters: filters.current,
    pageSize: readSettings().pageSize,
    log: (message) => log.info(message),
    followListed: () => readActionSettings().followChangingServers,
    timeline,
  });
  context.subscriptions.push(credentials, filters, model, credentials.onDidChange(() => reconnect(model, log, 'the access key changed')));
  return { log, credentials, filters, settingsProblems, model, pacing, timeline };
}

export function reconnect(model: ExplorerModel, log: vscode.LogOutputChannel, why: string): void {
  log.info(`Reconnecting: ${why}.`);
  model.reconnect();
}
