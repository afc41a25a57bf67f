import * as l10n from '@vscode/l10n';
import type { ServerActionId } from './serverActions';
import type { Server } from './serverModel';

export interface ConfirmChoice {
  label: string;
  action: ServerActionId;
}

export interface Confirmation {
  message: string;
  detail: string;
  choices: ConfirmChoice[];
}

const MAX_NAMES = 10;

export function nameList(servers: readonly Server[]): string {
  const names = servers.slice(0, MAX_NAMES).map((server) => server.name || server.id);
  const more = servers.length - names.length;
  return more > 0 ? l10n.t('{0} and {1} more', names.join(', '), more) : names.join(', ');
}

/** Hard Reboot always asks, as it can lose data; the setting can turn off only Stop's and Reboot's question. */
export function needsConfirmation(action: ServerActionId, confirmActions: boolean): boolean {
  return action === 'hardReboot' || ((action === 'stop' || action === 'reboot') && confirmActions);
}

export function confirmationFor(action: 'stop' | 'reboot' | 'hardReboot', fit: readonly Server[], skipped: readonly Server[]): Confirmation {
  const one = fit.length === 1 ? fit[0].name || fit[0].id : undefined;
  const lines: string[] = [];
  let message: string;
  let choices: ConfirmChoice[];
  if (action === 'stop') {
    message = one ? l10n.t('Stop {0}?', one) : l10n.t('Stop {0} servers?', fit.length);
    lines.push(l10n.t('The operating system shuts down and running programs end. Disks and IP addresses stay; Start Server brings it back.'));
    choices = [{ label: l10n.t('Stop'), action: 'stop' }];
  } else if (action === 'reboot') {
    message = one ? l10n.t('Reboot {0}?', one) : l10n.t('Reboot {0} servers?', fit.length);
    lines.push(l10n.t('Reboot restarts the operating system cleanly. Hard Reboot cuts the power first, like pulling the plug: use it only when the server does not respond.'));
    choices = [
      { label: l10n.t('Reboot'), action: 'reboot' },
      { label: l10n.t('Hard Reboot'), action: 'hardReboot' },
    ];
  } else {
    message = one ? l10n.t('Hard reboot {0}?', one) : l10n.t('Hard reboot {0} servers?', fit.length);
    lines.push(l10n.t('Hard Reboot cuts the power first, like pulling the plug: unsaved data on the server is lost.'));
    choices = [{ label: l10n.t('Hard Reboot'), action: 'hardReboot' }];
  }
  if (!one) {
    lines.push(l10n.t('Servers: {0}', nameList(fit)));
  }
  if (skipped.length > 0) {
    lines.push(l10n.t('Skipped, since the action does not apply to them as they are now: {0}', nameList(skipped)));
  }
  return { message, detail: lines.join('\n\n'), choices };
}
