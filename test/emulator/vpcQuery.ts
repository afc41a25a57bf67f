/**
 * `GET /v1/vpcs` (VPC API, `Scp-Api-Version: vpc 1.1`): `name` (case-insensitive substring), `limit`, `marker`,
 * `with_count` (true|false). Order: created_at descending, then id.
 */
import type { Vpc } from '../../src/core/serverModel';
import { compareText, ListParams, parseApiTimestamp } from './listParams';
import type { QueryResult } from './serverQuery';

const VPC_LIST_PARAMS = ['name', 'limit', 'marker', 'with_count'] as const;

export interface VpcListQuery {
  name?: string;
  limit: number;
  marker?: string;
  withCount: boolean;
}

export function parseVpcListQuery(pairs: readonly (readonly [string, string])[]): QueryResult<VpcListQuery> {
  const params = new ListParams(pairs, VPC_LIST_PARAMS);
  const withCount = params.oneOf('with_count', ['true', 'false'] as const) === 'true';
  const limit = params.limit();
  if (params.problems.length > 0) {
    return { ok: false, problems: params.problems };
  }
  return { ok: true, query: { name: params.one('name'), limit, marker: params.one('marker'), withCount } };
}

/** The matching VPCs in listing order. */
export function orderVpcs(vpcs: readonly Vpc[], name: string | undefined): Vpc[] {
  const wanted = name?.toLowerCase();
  const created = (vpc: Vpc): number => parseApiTimestamp((vpc as { created_at?: unknown }).created_at);
  return vpcs
    .filter((vpc) => wanted === undefined || String(vpc.name ?? '').toLowerCase().includes(wanted))
    .sort((a, b) => created(b) - created(a) || compareText(String(a.id), String(b.id)));
}
