import type { PageRequest } from '../serverModel';
import type { QueryValues } from '../goQuery';
import { QUERY_FIELDS, type ServerFilters } from './queryFields';

export function serverListQuery(filters: ServerFilters, page: PageRequest): QueryValues {
  const values: Record<string, string[]> = {};
  for (const field of QUERY_FIELDS) {
    const value = filters[field.key];
    const sent = value === undefined || value === '' ? [] : typeof value === 'string' ? [value] : [...value];
    if (sent.length > 0) {
      values[field.parameter] = sent;
    }
  }
  values.limit = [String(page.limit)];
  if (page.marker) {
    values.marker = [page.marker];
  }
  return values;
}
