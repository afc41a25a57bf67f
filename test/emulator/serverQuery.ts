/**
 * `GET /v1/servers`: validating the query, filtering, sorting and paging (docs/scp-api-facts.md#listing-servers).
 *
 * Order is total: after the requested sort keys, ties are broken by id ascending. A page starts right after
 * the `marker` id in the filtered and sorted order; a marker that is not in that order is a 400.
 */
import { PRODUCT_CATEGORIES, PRODUCT_OFFERINGS, type Server } from '../../src/core/serverModel';
import { compareText, ListParams, parseApiTimestamp } from './listParams';

const SERVER_LIST_PARAMS = [
  'name', 'ip', 'state', 'product_category', 'product_offering', 'vpc_id', 'server_type_id', 'auto_scaling_group_id', 'sort', 'limit', 'marker',
] as const;
/** Sort keys the emulator accepts; `server_type` sorts by server_type.name. */
const SORT_KEYS = ['created_at', 'modified_at', 'name', 'state', 'id', 'server_type'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
const DEFAULT_SERVER_SORT = 'created_at:desc';

export interface SortTerm {
  key: SortKey;
  descending: boolean;
}

export interface ServerFilter {
  name?: string;
  ip?: string;
  state?: string;
  productCategory?: string;
  productOfferings?: string[];
  vpcId?: string;
  serverTypeId?: string;
  autoScalingGroupId?: string;
}

export interface ServerListQuery {
  filter: ServerFilter;
  sort: SortTerm[];
  limit: number;
  marker?: string;
  /** Identifies filter + sort (not limit or marker): pages of one listing share it. */
  orderKey: string;
}

export type QueryResult<T> = { ok: true; query: T } | { ok: false; problems: string[] };

function parseSort(text: string, problems: string[]): SortTerm[] {
  const terms: SortTerm[] = [];
  for (const part of text.split(',')) {
    const [key, direction, ...rest] = part.split(':');
    if (!(SORT_KEYS as readonly string[]).includes(key)) {
      problems.push(`sort key ${JSON.stringify(key)} is not one of ${SORT_KEYS.join(', ')}`);
      continue;
    }
    if (rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      problems.push(`sort direction in ${JSON.stringify(part)} must be asc or desc`);
      continue;
    }
    if (terms.some((term) => term.key === key)) {
      problems.push(`sort key ${key} is given twice`);
      continue;
    }
    terms.push({ key: key as SortKey, descending: direction === 'desc' });
  }
  return terms;
}

export function parseServerListQuery(pairs: readonly (readonly [string, string])[]): QueryResult<ServerListQuery> {
  const params = new ListParams(pairs, SERVER_LIST_PARAMS, ['product_offering']);
  const filter: ServerFilter = {
    name: params.one('name'),
    ip: params.one('ip'),
    state: params.one('state'),
    productCategory: params.oneOf('product_category', PRODUCT_CATEGORIES),
    vpcId: params.one('vpc_id'),
    serverTypeId: params.one('server_type_id'),
    autoScalingGroupId: params.one('auto_scaling_group_id'),
  };
  const offerings = params.all('product_offering');
  for (const offering of offerings) {
    if (offering !== '' && !(PRODUCT_OFFERINGS as readonly string[]).includes(offering)) {
      params.problems.push(`product_offering must be one of ${PRODUCT_OFFERINGS.join(', ')}; got ${JSON.stringify(offering)}`);
    }
  }
  if (offerings.length > 0) {
    filter.productOfferings = offerings;
  }
  const sort = parseSort(params.one('sort') ?? DEFAULT_SERVER_SORT, params.problems);
  const limit = params.limit();
  if (params.problems.length > 0) {
    return { ok: false, problems: params.problems };
  }
  return { ok: true, query: { filter, sort, limit, marker: params.one('marker'), orderKey: JSON.stringify([filter, sort]) } };
}

function matchesFilter(server: Server, filter: ServerFilter): boolean {
  if (filter.name !== undefined && !String(server.name ?? '').toLowerCase().includes(filter.name.toLowerCase())) {
    return false;
  }
  if (filter.ip !== undefined) {
    const wanted = filter.ip;
    const found = (server.addresses ?? []).some((subnet) => (subnet?.ip_addresses ?? []).some((ip) => String(ip?.ip_address ?? '').startsWith(wanted)));
    if (!found) {
      return false;
    }
  }
  return (
    (filter.state === undefined || server.state === filter.state) &&
    (filter.productCategory === undefined || server.product_category === filter.productCategory) &&
    (filter.productOfferings === undefined || filter.productOfferings.includes(String(server.product_offering))) &&
    (filter.vpcId === undefined || server.vpc_id === filter.vpcId) &&
    (filter.serverTypeId === undefined || server.server_type?.id === filter.serverTypeId) &&
    (filter.autoScalingGroupId === undefined || server.auto_scaling_group_id === filter.autoScalingGroupId)
  );
}

function sortValue(server: Server, key: SortKey): number | string {
  switch (key) {
    case 'created_at':
      return parseApiTimestamp(server.created_at);
    case 'modified_at':
      return parseApiTimestamp(server.modified_at);
    case 'name':
      return String(server.name ?? '');
    case 'state':
      return String(server.state ?? '');
    case 'id':
      return String(server.id);
    case 'server_type':
      return String(server.server_type?.name ?? '');
  }
}

/** A new array in the requested order; O(n log n), each sort value computed once. */
function sortServers(servers: readonly Server[], sort: readonly SortTerm[]): Server[] {
  const rows = servers.map((server) => ({ server, id: String(server.id), values: sort.map((term) => sortValue(server, term.key)) }));
  rows.sort((a, b) => {
    for (let i = 0; i < sort.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      const order = typeof x === 'number' && typeof y === 'number' ? (x === y ? 0 : x < y ? -1 : 1) : compareText(String(x), String(y));
      if (order !== 0) {
        return sort[i].descending ? -order : order;
      }
    }
    return compareText(a.id, b.id);
  });
  return rows.map((row) => row.server);
}

/** A filtered, sorted listing with an id → position index, so each page is O(page). */
export interface OrderedListing {
  servers: Server[];
  positionOf: Map<string, number>;
}

function orderServers(servers: readonly Server[], query: Pick<ServerListQuery, 'filter' | 'sort'>): OrderedListing {
  const ordered = sortServers(servers.filter((server) => matchesFilter(server, query.filter)), query.sort);
  const positionOf = new Map<string, number>();
  ordered.forEach((server, index) => positionOf.set(String(server.id), index));
  return { servers: ordered, positionOf };
}

/** Up to this many servers, every request filters and sorts afresh (a millisecond or two): changes show at once. */
const LIVE_ORDER_MAX_SERVERS = 5000;

/**
 * Remembers the listing of recent queries, so that paging through 50,000 servers sorts once, not per page.
 * Only for more than LIVE_ORDER_MAX_SERVERS servers: then a first page (no marker) recomputes, and the following
 * pages (with a marker) reuse that order unless the `servers` array was replaced or changed length. So on a big
 * dataset, a server changed in place in the middle of a paging walk keeps its old place until the next first page.
 */
export class ListingCache {
  private readonly entries = new Map<string, { source: readonly Server[]; length: number; listing: OrderedListing }>();

  constructor(private readonly capacity = 16) {}

  get(source: readonly Server[], query: ServerListQuery, continuing: boolean): OrderedListing {
    if (source.length <= LIVE_ORDER_MAX_SERVERS) {
      return orderServers(source, query);
    }
    const cached = this.entries.get(query.orderKey);
    if (continuing && cached && cached.source === source && cached.length === source.length) {
      this.entries.delete(query.orderKey);
      this.entries.set(query.orderKey, cached);
      return cached.listing;
    }
    const listing = orderServers(source, query);
    this.entries.delete(query.orderKey);
    this.entries.set(query.orderKey, { source, length: source.length, listing });
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) {
        break;
      }
      this.entries.delete(key);
    }
    return listing;
  }

  clear(): void {
    this.entries.clear();
  }
}
