import * as l10n from '@vscode/l10n';
import { allIps, describeServerType, formatLocalTime, textOf } from './serverFacts';
import type { Server } from './serverModel';

/** One line, no Markdown: a name must not turn into a link, and a line break would end the table there. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (char) => `\\${char}`);
}

export interface TooltipLabels {
  vpcName?: string;
  publicIp?: string;
}

/** The tooltip's Markdown: every fact of one server, built only when VS Code asks for it. */
export function serverTooltipMarkdown(server: Server, labels: TooltipLabels = {}): string {
  // Fields may be of any type on the wire: only text (or a number) is shown, anything else is left out.
  const row = (label: string, value: unknown): string => {
    const text = textOf(value);
    return text === undefined || text === '' ? '' : `| ${label} | ${escapeMarkdown(text)} |\n`;
  };
  const ips = allIps(server);
  const vpcId = textOf(server.vpc_id);
  const vpc = vpcId ? (labels.vpcName ? `${labels.vpcName} (${vpcId})` : vpcId) : undefined;
  const groups: unknown = server.security_groups;

  let text = `**${escapeMarkdown(server.name || l10n.t('(no name)'))}**\n\n| | |\n|---|---|\n`;
  text += row('ID', server.id);
  text += row(l10n.t('State'), server.state);
  for (const ip of ips) {
    text += row(l10n.t('IP ({0})', escapeMarkdown(ip.subnet) || l10n.t('subnet')), ip.ip);
  }
  if (ips.length === 0) {
    text += row('IP', l10n.t('none'));
  }
  text += row(l10n.t('Public IP (NAT)'), labels.publicIp);
  text += row(l10n.t('Server type'), describeServerType(server));
  text += row(l10n.t('Image'), server.image_id);
  text += row(l10n.t('Keypair'), server.keypair_name);
  text += row('VPC', vpc);
  const groupNames = (Array.isArray(groups) ? groups : []).map((group: unknown) => textOf((group as { name?: unknown } | null)?.name));
  text += row(l10n.t('Security groups'), groupNames.filter(Boolean).join(', '));
  text += row(l10n.t('Product'), [textOf(server.product_category), textOf(server.product_offering)].filter(Boolean).join(' / '));
  text += row(l10n.t('Auto-scaling group'), server.auto_scaling_group_id);
  text += row(l10n.t('Locked'), server.locked === true ? l10n.t('yes') : l10n.t('no'));
  text += row(l10n.t('Created'), formatLocalTime(server.created_at));
  text += row(l10n.t('Modified'), formatLocalTime(server.modified_at));
  return text;
}
