// Messages are our own: SCP's text may be in another language or say too little. The POST is never repeated: after a
// timeout or a 5xx the server is read again to tell whether the action took effect (docs/scp-api-facts.md, Server actions).
import * as l10n from '@vscode/l10n';
import { isScpError, type ScpError } from './scpError';
import { serverAction, type ServerActionId } from './serverActions';
import type { Server } from './serverModel';

export interface ActionPorts {
  post(server: Server, action: ServerActionId): Promise<void>;
  getServer(id: string): Promise<Server>;
}

export type ActionResult =
  | { kind: 'accepted'; server: Server }
  | { kind: 'tookEffect'; server: Server; message: string }
  | { kind: 'failed'; server?: Server; message: string; cause: ScpError | Error }
  | { kind: 'gone'; message: string; cause: ScpError | Error };

function statusOf(error: unknown): number | undefined {
  return isScpError(error) ? error.details.status : undefined;
}

function showsEffect(before: Server, after: Server, id: ServerActionId): boolean {
  if (serverAction(id).isDone(after, after.state !== before.state)) {
    return true;
  }
  // A stop keeps reading ACTIVE while it runs, so only a changed state is evidence for start, stop and reboot.
  return id === 'lock' || id === 'unlock' ? false : after.state !== before.state && after.state !== 'ERROR';
}

function unclearWhy(error: unknown): string {
  if (isScpError(error) && error.kind === 'timeout') {
    return l10n.t('no answer in time');
  }
  const status = statusOf(error);
  return status !== undefined ? l10n.t('status {0}', status) : l10n.t('the connection failed');
}

function isUnclear(error: unknown): boolean {
  if (!isScpError(error)) {
    return true;
  }
  return error.kind === 'timeout' || error.kind === 'network' || error.kind === 'server';
}

export async function runServerAction(server: Server, id: ServerActionId, ports: ActionPorts): Promise<ActionResult> {
  const action = serverAction(id);
  const name = server.name || server.id;
  const verb = action.verb();
  try {
    await ports.post(server, id);
    return { kind: 'accepted', server };
  } catch (caught) {
    const cause = caught instanceof Error ? caught : new Error(String(caught));
    if (isScpError(caught) && caught.kind === 'cancelled') {
      throw caught;
    }
    const status = statusOf(caught);
    if (status === 404 && isScpError(caught) && caught.kind === 'notFound') {
      return { kind: 'gone', message: l10n.t('{0} no longer exists in SCP; it was removed from the list.', name), cause };
    }
    if (status === 403) {
      return {
        kind: 'failed',
        cause,
        message: l10n.t(
          'Could not {0} {1}: the access key lacks the IAM permission {2}. Ask your SCP administrator for it, or use another access key.',
          verb,
          name,
          action.iamAction,
        ),
      };
    }
    if (status === 409) {
      return conflict(server, id, ports, cause);
    }
    if (isUnclear(caught)) {
      return unclear(server, id, ports, caught, cause);
    }
    return { kind: 'failed', cause, message: otherFailure(caught, verb, name) };
  }
}

async function conflict(server: Server, id: ServerActionId, ports: ActionPorts, cause: Error): Promise<ActionResult> {
  const name = server.name || server.id;
  const verb = serverAction(id).verb();
  try {
    const now = await ports.getServer(server.id);
    const message = now.locked
      ? l10n.t('Could not {0} {1}: the server is locked. Unlock it first.', verb, name)
      : l10n.t('Could not {0} {1}: it is {2} now, or another operation is running on it.', verb, name, now.state);
    return { kind: 'failed', server: now, message, cause };
  } catch {
    return {
      kind: 'failed',
      cause,
      message: l10n.t('Could not {0} {1}: SCP refused it (409), and reading the server again failed. Refresh the list to see its state.', verb, name),
    };
  }
}

async function unclear(server: Server, id: ServerActionId, ports: ActionPorts, error: unknown, cause: Error): Promise<ActionResult> {
  const name = server.name || server.id;
  const verb = serverAction(id).verb();
  const why = unclearWhy(error);
  let now: Server;
  try {
    now = await ports.getServer(server.id);
  } catch {
    return {
      kind: 'failed',
      cause,
      message: l10n.t(
        'SCP gave no clear answer when asked to {0} {1} ({2}), and the server could not be read again. The request was not sent again: refresh the list before you try again.',
        verb,
        name,
        why,
      ),
    };
  }
  if (showsEffect(server, now, id)) {
    return {
      kind: 'tookEffect',
      server: now,
      message: l10n.t('SCP gave no clear answer when asked to {0} {1} ({2}), but the server reads {3} now: the request took effect.', verb, name, why, now.state),
    };
  }
  return {
    kind: 'failed',
    server: now,
    cause,
    message: l10n.t(
      'SCP gave no clear answer when asked to {0} {1} ({2}), and the server still reads {3}: the request may not have taken effect. It was not sent again: wait a minute and refresh before you try again.',
      verb,
      name,
      why,
      now.state,
    ),
  };
}

function otherFailure(error: unknown, verb: string, name: string): string {
  if (isScpError(error)) {
    switch (error.kind) {
      case 'auth':
        return l10n.t("Could not {0} {1}: SCP did not accept the access key or signature. Check the access key and this computer's clock.", verb, name);
      case 'throttled':
        return l10n.t('Could not {0} {1}: SCP is limiting requests. Wait a minute, then try again.', verb, name);
      case 'versionUnsupported':
        return l10n.t('Could not {0} {1}: SCP does not support the API version in the setting scpExplorer.apiVersion.', verb, name);
      default:
        break;
    }
  }
  const status = statusOf(error);
  return status !== undefined
    ? l10n.t('Could not {0} {1}: SCP answered with status {2}. The log has the details.', verb, name, status)
    : l10n.t('Could not {0} {1}. The log has the details.', verb, name);
}
