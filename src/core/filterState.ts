import { PRODUCT_OFFERINGS, type ServerFilters } from './serverModel';

/**
 * The user's filters and sort as one immutable value: what the query of `GET /v1/servers` is built from, what is
 * stored per workspace, and what the view's header describes. Every change goes through these functions, so a
 * cleared filter is always an absent key (never `''` or `[]`) and two equal states compare equal.
 */

/** The filter keys in the order they are shown (Edit Filters, the view's description). `sort` is not a filter. */
export const FILTER_KEYS = [
  'name',
  'ip',
  'state',
  'product_category',
  'product_offering',
  'vpc_id',
  'server_type_id',
  'auto_scaling_group_id',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type TextFilterKey = Exclude<FilterKey, 'product_offering'>;
/** Every key of the query the user chooses: the filters and the sort. */
export type QueryKey = TextFilterKey | 'sort';

const TEXT_KEYS: readonly QueryKey[] = ['name', 'ip', 'state', 'product_category', 'vpc_id', 'server_type_id', 'auto_scaling_group_id', 'sort'];

/** Known offerings in the API's order, then unknown ones as given: the same choice always gives the same query. */
export function normalizeOfferings(values: readonly string[]): string[] {
  const unique = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
  const known = PRODUCT_OFFERINGS.filter((offering) => unique.includes(offering));
  return [...known, ...unique.filter((value) => !(PRODUCT_OFFERINGS as readonly string[]).includes(value))];
}

/** The filters with one text key set, or removed when the value is undefined or blank. */
export function withText(filters: ServerFilters, key: QueryKey, value: string | undefined): ServerFilters {
  const trimmed = value?.trim();
  if (trimmed) {
    return { ...filters, [key]: trimmed };
  }
  return Object.fromEntries(Object.entries(filters).filter(([name]) => name !== key)) as ServerFilters;
}

export function withOfferings(filters: ServerFilters, values: readonly string[]): ServerFilters {
  const next: ServerFilters = { ...filters };
  const offerings = normalizeOfferings(values);
  if (offerings.length > 0) {
    next.product_offering = offerings;
  } else {
    delete next.product_offering;
  }
  return next;
}

/** True while any filter narrows the list; a sort alone hides nothing, so it does not count. */
export function hasActiveFilters(filters: ServerFilters): boolean {
  return FILTER_KEYS.some((key) => (key === 'product_offering' ? (filters.product_offering?.length ?? 0) > 0 : Boolean(filters[key])));
}

/** Clear Filters shows every server again; the chosen order stays, since it hides nothing. */
export function withoutFilters(filters: ServerFilters): ServerFilters {
  return filters.sort ? { sort: filters.sort } : {};
}

export function filtersEqual(a: ServerFilters, b: ServerFilters): boolean {
  return JSON.stringify(serializeFilters(a)) === JSON.stringify(serializeFilters(b));
}

/** What is kept in workspaceState. The version lets a later release read (or drop) what an older one stored. */
export interface StoredFilters {
  version: 1;
  filters: ServerFilters;
}

/** The stored form: keys in a fixed order and only those with a value. */
export function serializeFilters(filters: ServerFilters): StoredFilters {
  const out: ServerFilters = {};
  for (const key of [...FILTER_KEYS, 'sort'] as const) {
    if (key === 'product_offering') {
      const offerings = normalizeOfferings(filters.product_offering ?? []);
      if (offerings.length > 0) {
        out.product_offering = offerings;
      }
      continue;
    }
    const value = filters[key];
    if (typeof value === 'string' && value.trim() !== '') {
      out[key] = value.trim();
    }
  }
  return { version: 1, filters: out };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads what workspaceState holds. Storage outlives releases and can be edited by hand, so anything unexpected is
 * dropped key by key rather than trusted: a bad value must not make every list request fail.
 */
export function deserializeFilters(raw: unknown): ServerFilters {
  if (!isRecord(raw) || raw.version !== 1 || !isRecord(raw.filters)) {
    return {};
  }
  const stored = raw.filters;
  let filters: ServerFilters = {};
  for (const key of TEXT_KEYS) {
    const value = stored[key];
    if (typeof value === 'string') {
      filters = withText(filters, key, value);
    }
  }
  const offerings = stored.product_offering;
  if (Array.isArray(offerings)) {
    filters = withOfferings(filters, offerings.filter((value): value is string => typeof value === 'string'));
  }
  return filters;
}
