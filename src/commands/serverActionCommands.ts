import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { confirmationFor, nameList, needsConfirmation, type Confirmation } from '../core/actionConfirmation';
import type { ActionResult } from '../core/actionRunner';
import type { ExplorerModel } from '../core/explorerModel';
import { serverAction, splitByFit, type ServerActionId } from '../core/serverActions';
import type { Server } from '../core/serverModel';
import { readActionSettings } from '../settings';
import { notify } from '../notifications';
import { registerCommand, showErrorWithLogs } from './commandRegistry';
import { noServersLoaded, pickServer, selectedServers } from './serverTargets';

/** Tests answer the confirmation here instead of in a modal. */
export interface ActionCommandOptions {
  confirm?: (question: Confirmation) => ServerActionId | undefined | Promise<ServerActionId | undefined>;
}

export interface ActionCommandResult {
  results: { id: string; result: ActionResult }[];
  shown?: string;
}

const ACTION_COMMANDS: { command: string; action: ServerActionId; pickTitle: () => string }[] = [
  { command: COMMANDS.startServer, action: 'start', pickTitle: () => vscode.l10n.t('Start which server?') },
  { command: COMMANDS.stopServer, action: 'stop', pickTitle: () => vscode.l10n.t('Stop which server?') },
  { command: COMMANDS.rebootServer, action: 'reboot', pickTitle: () => vscode.l10n.t('Reboot which server?') },
  { command: COMMANDS.hardRebootServer, action: 'hardReboot', pickTitle: () => vscode.l10n.t('Hard reboot which server?') },
  { command: COMMANDS.lockServer, action: 'lock', pickTitle: () => vscode.l10n.t('Lock which server?') },
  { command: COMMANDS.unlockServer, action: 'unlock', pickTitle: () => vscode.l10n.t('Unlock which server?') },
];

export function registerServerActionCommands(context: vscode.ExtensionContext, model: ExplorerModel, log: vscode.LogOutputChannel): void {
  for (const { command, action, pickTitle } of ACTION_COMMANDS) {
    registerCommand(context, log, command, async (node?: unknown, selection?: unknown, options?: ActionCommandOptions) => {
      const servers = node === undefined && selection === undefined ? await pickFitting(model, log, action, pickTitle()) : current(model, selectedServers(node, selection));
      return servers.length > 0 ? act(model, log, action, servers, options ?? {}) : undefined;
    });
  }
  context.subscriptions.push(model.onDidEndFollowing((event) => tellEnd(event, log)));
}

/** The model's copy of each server: a row may be older than the last read. */
function current(model: ExplorerModel, servers: readonly Server[]): Server[] {
  const byId = new Map(model.servers.map((server) => [server.id, server]));
  return servers.map((server) => byId.get(server.id) ?? server);
}

async function pickFitting(model: ExplorerModel, log: vscode.LogOutputChannel, action: ServerActionId, title: string): Promise<Server[]> {
  const { fit } = splitByFit(model.servers, action, (id) => model.pendingAction(id) !== undefined);
  if (fit.length === 0) {
    const message =
      model.servers.length === 0
        ? noServersLoaded()
        : vscode.l10n.t('None of the loaded servers can {0} now.', serverAction(action).verb());
    void notify(log, 'information', message);
    return [];
  }
  const picked = await pickServer(fit, title);
  return picked ? [picked] : [];
}

async function act(
  model: ExplorerModel,
  log: vscode.LogOutputChannel,
  action: ServerActionId,
  servers: Server[],
  options: ActionCommandOptions,
): Promise<ActionCommandResult> {
  const { fit, skipped } = splitByFit(servers, action, (id) => model.pendingAction(id) !== undefined);
  const verb = serverAction(action).verb();
  if (fit.length === 0) {
    const shown = vscode.l10n.t('Nothing to do: {0} does not apply to {1} as they are now.', verb, nameList(servers));
    void notify(log, 'information', shown);
    return { results: [], shown };
  }
  let shown: string | undefined;
  let chosen = action;
  if (action !== 'start' && action !== 'lock' && action !== 'unlock' && needsConfirmation(action, readActionSettings().confirmActions)) {
    const question = confirmationFor(action, fit, skipped);
    const answer = options.confirm ? await options.confirm(question) : await ask(question);
    if (!answer) {
      return { results: [] };
    }
    chosen = answer;
  } else if (skipped.length > 0) {
    shown = vscode.l10n.t('Skipped, since the action does not apply to them as they are now: {0}', nameList(skipped));
    void notify(log, 'information', shown);
  }
  // One at a time: a handful of POSTs, each through the connection's request budget.
  const results: { id: string; result: ActionResult }[] = [];
  for (const server of fit) {
    const result = await model.performAction(server, chosen);
    results.push({ id: server.id, result });
    if (result.kind !== 'accepted') {
      log.warn(`${serverAction(chosen).endpoint} ${server.id}: ${result.message}${'cause' in result ? ` (${result.cause.message})` : ''}`);
    }
  }
  return { results, shown: report(results.map((entry) => entry.result), log) ?? shown };
}

async function ask(question: Confirmation): Promise<ServerActionId | undefined> {
  const label = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, ...question.choices.map((choice) => choice.label));
  return question.choices.find((choice) => choice.label === label)?.action;
}

/** One notification for the whole command, however many servers it touched. */
function report(results: readonly ActionResult[], log: vscode.LogOutputChannel): string | undefined {
  const problems = results.filter((result) => result.kind === 'failed' || result.kind === 'gone').map((result) => ('message' in result ? result.message : ''));
  const unclear = results.filter((result) => result.kind === 'tookEffect').map((result) => ('message' in result ? result.message : ''));
  if (problems.length > 0) {
    const more = problems.length + unclear.length - 1;
    const message = more > 0 ? vscode.l10n.t('{0} ({1} more in the log)', problems[0], more) : problems[0];
    void showErrorWithLogs(message, log);
    return message;
  }
  if (unclear.length > 0) {
    const message = unclear.length > 1 ? vscode.l10n.t('{0} ({1} more in the log)', unclear[0], unclear.length - 1) : unclear[0];
    void notify(log, 'information', message);
    return message;
  }
  return undefined;
}

function tellEnd(event: { end: string; name: string; action?: ServerActionId; server?: Server }, log: vscode.LogOutputChannel): void {
  if (!event.action) {
    return; // a server found changing settled (or was given up on): the tree shows it, no pop-up
  }
  const action = serverAction(event.action);
  switch (event.end) {
    case 'done':
      vscode.window.setStatusBarMessage(`$(check) ${action.doneMessage(event.name)}`, 5000);
      return;
    case 'error':
      void notify(log, 'warning', vscode.l10n.t('{0} is in ERROR after the request to {1} it. Check it in the SCP console.', event.name, action.verb()));
      return;
    case 'timedOut':
      void notify(log, 'warning', 
        vscode.l10n.t('{0} still reads {1} 10 minutes after the request to {2} it; the explorer stopped following it. Refresh later to see it.', event.name, event.server?.state ?? '?', action.verb()),
      );
      return;
    case 'unreachable':
      void notify(log, 'warning', vscode.l10n.t('{0} could not be read again after the request to {1} it, so the explorer stopped following it. Refresh to see its state.', event.name, action.verb()));
      return;
    case 'gone':
      void notify(log, 'information', vscode.l10n.t('{0} no longer exists in SCP; it was removed from the list.', event.name));
      return;
    default:
      return;
  }
}
