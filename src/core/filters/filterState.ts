// Every change to the filters goes through these functions, so a cleared filter is always an absent key (never '' or
// []) and two equal choices store and send the same bytes.
import { QUERY_FIELDS, queryField, type ManyValuesKey, type OneValueKey, type QueryField, type ServerFilters } from './queryFields';

function without(filters: ServerFilters, key: string): ServerFilters {
  return Object.fromEntries(Object.entries(filters).filter(([name]) => name !== key)) as ServerFilters;
}

/** Known values in the API's order, then unknown ones as given: the same choice always gives the same query. */
function normalizeValues(field: QueryField, values: readonly string[]): string[] {
  const unique = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
  const known = field.values === 'many' ? field.known : [];
  return [...known.filter((value) => unique.includes(value)), ...unique.filter((value) => !known.includes(value))];
}

export function withText(filters: ServerFilters, key: OneValueKey, value: string | undefined): ServerFilters {
  const trimmed = value?.trim();
  return trimmed ? { ...filters, [key]: trimmed } : without(filters, key);
}

export function withValues(filters: ServerFilters, key: ManyValuesKey, values: readonly string[]): ServerFilters {
  const normalized = normalizeValues(queryField(key), values);
  return normalized.length > 0 ? { ...filters, [key]: normalized } : without(filters, key);
}

const isSet = (value: string | readonly string[] | undefined): boolean => (typeof value === 'string' ? value !== '' : (value?.length ?? 0) > 0);

/** True while any filter narrows the list; a sort alone hides nothing, so it does not count. */
export function hasActiveFilters(filters: ServerFilters): boolean {
  return QUERY_FIELDS.some((field) => field.narrows && isSet(filters[field.key]));
}

export function withoutFilters(filters: ServerFilters): ServerFilters {
  return Object.fromEntries(QUERY_FIELDS.filter((field) => !field.narrows && isSet(filters[field.key])).map((field) => [field.key, filters[field.key]])) as ServerFilters;
}

/** What is kept in workspaceState. The version lets a later release read (or drop) what an older one stored. */
interface StoredFilters {
  version: 1;
  filters: ServerFilters;
}

export function serializeFilters(filters: ServerFilters): StoredFilters {
  let out: ServerFilters = {};
  for (const field of QUERY_FIELDS) {
    if (field.values === 'many') {
      out = withValues(out, field.key, filters[field.key] ?? []);
    } else {
      out = withText(out, field.key, filters[field.key]);
    }
  }
  return { version: 1, filters: out };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Storage outlives releases and can be edited by hand: a bad value is dropped key by key, so no list request fails. */
export function deserializeFilters(raw: unknown): ServerFilters {
  if (!isRecord(raw) || raw.version !== 1 || !isRecord(raw.filters)) {
    return {};
  }
  let filters: ServerFilters = {};
  for (const field of QUERY_FIELDS) {
    const value = raw.filters[field.key];
    if (field.values === 'many' && Array.isArray(value)) {
      filters = withValues(filters, field.key, value.filter((entry): entry is string => typeof entry === 'string'));
    } else if (field.values === 'one' && typeof value === 'string') {
      filters = withText(filters, field.key, value);
    }
  }
  return filters;
}
