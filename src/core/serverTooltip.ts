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

  let text = `**${escapeMarkdown(server.name || '(no name)')}**\n\n| | |\n|---|---|\n`;
  text += row('ID', server.id);
  text += row('State', server.state);
  for (const ip of ips) {
    text += row(`IP (${ip.subnet || 'subnet'})`, ip.ip);
  }
  if (ips.length === 0) {
    text += row('IP', 'none');
  }
  text += row('Server type', describeServerType(server));
  text += row('Image', server.image_id);
  text += row('Keypair', server.keypair_name);
  text += row('VPC', vpc);
  text += row('Security groups', (server.security_groups ?? []).map((group) => group?.name).filter(Boolean).join(', '));
  text += row('Product', [server.product_category, server.product_offering].filter(Boolean).join(' / '));
  text += row('Auto-scaling group', server.auto_scaling_group_id);
  text += row('Locked', server.locked ? 'yes' : 'no');
  text += row('Created', formatLocalTime(server.created_at));
  text += row('Modified', formatLocalTime(server.modified_at));
  return text;
}
