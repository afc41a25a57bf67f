import * as l10n from '@vscode/l10n';
import { FILTER_KEYS, type QueryKey } from './filterState';
import type { ServerFilters } from './serverModel';

/** How the chosen filters and sort read in the view's header and in Edit Filters. */

/** Short labels for the view's description, where space is scarce. */
export function shortLabel(key: QueryKey | 'product_offering'): string {
  switch (key) {
    case 'name':
      return l10n.t({ message: 'name', comment: ['filter label before ": value"'] });
    case 'ip':
      return l10n.t({ message: 'ip', comment: ['filter label before ": value"'] });
    case 'state':
      return l10n.t({ message: 'state', comment: ['filter label before ": value"'] });
    case 'product_category':
      return l10n.t({ message: 'category', comment: ['filter label before ": value"'] });
    case 'product_offering':
      return l10n.t({ message: 'offering', comment: ['filter label before ": value"'] });
    case 'vpc_id':
      return l10n.t({ message: 'vpc', comment: ['filter label before ": value"'] });
    case 'server_type_id':
      return l10n.t({ message: 'type', comment: ['filter label before ": value"'] });
    case 'auto_scaling_group_id':
      return l10n.t({ message: 'asg', comment: ['filter label before ": value"'] });
    case 'sort':
      return l10n.t({ message: 'sort', comment: ['filter label before ": value"'] });
  }
}

function shorten(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;
}

/** `name:asc,created_at:desc` → `name ↑, created_at ↓`. */
export function describeSort(sort: string): string {
  return sort
    .split(',')
    .map((term) => {
      const [key, direction] = term.split(':');
      return direction === 'desc' ? `${key} ↓` : direction === 'asc' ? `${key} ↑` : key;
    })
    .join(', ');
}

/**
 * One key's value as text, or undefined when it is not set. With `max`, long values (ids, names) are cut; a VPC
 * shows its name when known, and its id too when `max` is not given.
 */
export function describeValue(
  filters: ServerFilters,
  key: QueryKey | 'product_offering',
  vpcNames: ReadonlyMap<string, string>,
  max?: number,
): string | undefined {
  if (key === 'product_offering') {
    const offerings = filters.product_offering ?? [];
    return offerings.length > 0 ? offerings.map((offering) => shorten(offering, max)).join(', ') : undefined;
  }
  const value = filters[key];
  if (!value) {
    return undefined;
  }
  if (key === 'sort') {
    return describeSort(value);
  }
  if (key === 'vpc_id') {
    const name = vpcNames.get(value);
    if (name) {
      return max === undefined ? `${name} (${value})` : shorten(name, max);
    }
    // Ids are 32 hex digits; the first 8 tell VPCs apart in a description.
    return shorten(value, max === undefined ? undefined : Math.min(max, 9));
  }
  return shorten(value, max);
}

const SHORT_VALUE_LENGTH = 20;

/** The view's description, e.g. `state: ACTIVE · vpc: prod · sort: name ↑`; empty when nothing is chosen. */
export function describeFiltersShort(filters: ServerFilters, vpcNames: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const key of [...FILTER_KEYS, 'sort'] as const) {
    const value = describeValue(filters, key, vpcNames, SHORT_VALUE_LENGTH);
    if (value !== undefined) {
      parts.push(`${shortLabel(key)}: ${value}`);
    }
  }
  return parts.join(' · ');
}

/**
 * The line above the tree (TreeView.message): every filter in full, and the order when it is not the default.
 * Undefined when there is nothing to say, so the line disappears.
 */
export function describeFiltersLong(filters: ServerFilters, vpcNames: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = describeValue(filters, key, vpcNames);
    if (value !== undefined) {
      parts.push(`${shortLabel(key)}: ${value}`);
    }
  }
  const sentences: string[] = [];
  if (parts.length > 0) {
    sentences.push(l10n.t('Filtered by {0}.', parts.join(' · ')));
  }
  if (filters.sort) {
    sentences.push(l10n.t('Sorted by {0}.', describeSort(filters.sort)));
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
