import type { PageRequest, ServerFilters } from './serverModel';
import type { QueryValues } from './goQuery';

/** The query of `GET /v1/servers` for one page: every filter that has a value, then limit and marker. */
export function serverListQuery(filters: ServerFilters, page: PageRequest): QueryValues {
  const values: Record<string, string[]> = {};
  const single: (keyof Omit<ServerFilters, 'product_offering'>)[] = [
    'name',
    'ip',
    'state',
    'product_category',
    'vpc_id',
    'server_type_id',
    'auto_scaling_group_id',
    'sort',
  ];
  for (const key of single) {
    const value = filters[key];
    if (value !== undefined && value !== '') {
      values[key] = [value];
    }
  }
  if (filters.product_offering && filters.product_offering.length > 0) {
    values.product_offering = [...filters.product_offering];
  }
  values.limit = [String(page.limit)];
  if (page.marker) {
    values.marker = [page.marker];
  }
  return values;
}
