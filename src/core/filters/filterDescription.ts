import * as l10n from '@vscode/l10n';
import { QUERY_FIELDS, queryField, type QueryKey, type ServerFilters } from './queryFields';

function shorten(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;
}

export function describeSort(sort: string): string {
  return sort
    .split(',')
    .map((term) => {
      const [key, direction] = term.split(':');
      return direction === 'desc' ? `${key} ↓` : direction === 'asc' ? `${key} ↑` : key;
    })
    .join(', ');
}

/** With `max`, long values are cut; a VPC shows its name when known, and its id too when `max` is not given. */
function describeText(key: QueryKey, value: string, vpcNames: ReadonlyMap<string, string>, max: number | undefined): string {
  switch (queryField(key).shown) {
    case 'sortTerms':
      return describeSort(value);
    case 'vpcName': {
      const name = vpcNames.get(value);
      if (name) {
        return max === undefined ? `${name} (${value})` : shorten(name, max);
      }
      // Ids are 32 hex digits; the first 8 tell VPCs apart in a description.
      return shorten(value, max === undefined ? undefined : Math.min(max, 9));
    }
    case 'value':
      return shorten(value, max);
  }
}

export function describeValue(filters: ServerFilters, key: QueryKey, vpcNames: ReadonlyMap<string, string>, max?: number): string | undefined {
  const value = filters[key];
  if (value === undefined || value.length === 0) {
    return undefined;
  }
  return typeof value === 'string' ? describeText(key, value, vpcNames, max) : value.map((entry) => shorten(entry, max)).join(', ');
}

export function describeChoice(filters: ServerFilters, key: QueryKey, vpcNames: ReadonlyMap<string, string>): string {
  const apiDefault = queryField(key).apiDefault;
  return (
    describeValue(filters, key, vpcNames) ??
    (apiDefault ? l10n.t('{0} (default)', describeText(key, apiDefault, vpcNames, undefined)) : l10n.t('any'))
  );
}

const SHORT_VALUE_LENGTH = 20;

export function describeFiltersShort(filters: ServerFilters, vpcNames: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const field of QUERY_FIELDS) {
    const value = describeValue(filters, field.key, vpcNames, SHORT_VALUE_LENGTH);
    if (value !== undefined) {
      parts.push(`${field.shortLabel()}: ${value}`);
    }
  }
  return parts.join(' · ');
}

export function describeFiltersLong(filters: ServerFilters, vpcNames: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  for (const field of QUERY_FIELDS.filter((candidate) => candidate.narrows)) {
    const value = describeValue(filters, field.key, vpcNames);
    if (value !== undefined) {
      parts.push(`${field.shortLabel()}: ${value}`);
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
