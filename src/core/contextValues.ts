import { applicableActions, type ServerActionId } from './serverActions';
import { stateCategory } from './serverStates';
import { allIps } from './serverFacts';
import { isWindowsServer } from './sshCommand';
import type { Server } from './serverModel';

/** Tokens are matched in package.json with anchored regexes such as `viewItem =~ /^server;.*;hasIp;/`. */
export function serverContextValue(server: Server, pending?: ServerActionId): string {
  const tokens = ['server', `state-${stateCategory(server.state)}`, allIps(server).length > 0 ? 'hasIp' : 'noIp'];
  if (server.locked) {
    tokens.push('locked');
  }
  // Windows servers get Copy RDP Address, the others the SSH commands (`/^server;.*;os-other;/`).
  tokens.push(isWindowsServer(server) ? 'os-windows' : 'os-other');
  if (pending) {
    tokens.push('busy');
  }
  // One token per action the server offers now (`can-stop`, …), from the same table the commands check.
  tokens.push(...applicableActions(server, pending !== undefined).map((action) => `can-${action}`));
  return tokens.join(';') + ';';
}

export function vpcContextValue(hasVpc: boolean): string {
  return hasVpc ? 'vpc;' : 'vpc;none;';
}

export const STATE_CONTEXT_VALUE = 'state;';
export const LOAD_MORE_CONTEXT_VALUE = 'loadMore;';
export const MESSAGE_CONTEXT_VALUE = 'message;error;';
