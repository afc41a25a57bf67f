import * as l10n from '@vscode/l10n';
import { allIps, describeServerType, formatLocalTime } from './serverFacts';
import type { Server } from './serverModel';

/** Escapes Markdown so a server or subnet name cannot turn into links or formatting in the tooltip. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (char) => `\\${char}`);
}

export interface TooltipLabels {
  vpcName?: string;
}

/** The tooltip's Markdown: every fact of one server, built only when VS Code asks for it. */
export function serverTooltipMarkdown(server: Server, labels: TooltipLabels = {}): string {
  const row = (label: string, value: string | undefined | null): string =>
    value === undefined || value === null || value === '' ? '' : `| ${label} | ${escapeMarkdown(value)} |\n`;
  const ips = allIps(server);
  const vpc = server.vpc_id ? (labels.vpcName ? `${labels.vpcName} (${server.vpc_id})` : server.vpc_id) : undefined;

  let text = `**${escapeMarkdown(server.name || l10n.t('(no name)'))}**\n\n| | |\n|---|---|\n`;
  text += row('ID', server.id);
  text += row(l10n.t('State'), server.state);
  for (const ip of ips) {
    text += row(l10n.t('IP ({0})', escapeMarkdown(ip.subnet) || l10n.t('subnet')), ip.ip);
  }
  if (ips.length === 0) {
    text += row('IP', l10n.t('none'));
  }
  text += row(l10n.t('Server type'), describeServerType(server));
  text += row(l10n.t('Image'), server.image_id);
  text += row(l10n.t('Keypair'), server.keypair_name);
  text += row('VPC', vpc);
  text += row(l10n.t('Security groups'), (server.security_groups ?? []).map((group) => group?.name).filter(Boolean).join(', '));
  text += row(l10n.t('Product'), [server.product_category, server.product_offering].filter(Boolean).join(' / '));
  text += row(l10n.t('Auto-scaling group'), server.auto_scaling_group_id);
  text += row(l10n.t('Locked'), server.locked ? l10n.t('yes') : l10n.t('no'));
  text += row(l10n.t('Created'), formatLocalTime(server.created_at));
  text += row(l10n.t('Modified'), formatLocalTime(server.modified_at));
  return text;
}
