// Servers keep the order the API returned them in, which is the chosen sort.
import { compareStates } from './serverStates';
import type { Server } from './serverModel';

export const GROUP_BY_MODES = ['vpcState', 'stateVpc', 'vpc', 'state', 'none'] as const;
export type GroupBy = (typeof GROUP_BY_MODES)[number];

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY_MODES as readonly string[]).includes(value);
}

/** The key of the bucket for servers without a VPC; it cannot collide with a real VPC id. */
export const NO_VPC = '';

export type GroupKey = { kind: 'vpc'; vpcId: string } | { kind: 'state'; state: string };

export interface Group {
  key: GroupKey;
  /** Stable across refresh and paging: built from domain keys only, e.g. `vpc/<id>/state/ACTIVE`. */
  id: string;
  count: number;
  children: Group[];
  servers: Server[];
}

type Dimension = 'vpc' | 'state';

const DIMENSIONS: Record<GroupBy, Dimension[]> = {
  vpcState: ['vpc', 'state'],
  stateVpc: ['state', 'vpc'],
  vpc: ['vpc'],
  state: ['state'],
  none: [],
};

function keyOf(server: Server, dimension: Dimension): GroupKey {
  // A vpc_id of another type than text (not documented, but possible) puts the server with those without a VPC.
  const vpcId: unknown = server.vpc_id;
  return dimension === 'vpc' ? { kind: 'vpc', vpcId: typeof vpcId === 'string' ? vpcId : NO_VPC } : { kind: 'state', state: server.state };
}

function idPart(key: GroupKey): string {
  return key.kind === 'vpc' ? `vpc/${key.vpcId === NO_VPC ? '-' : encodeURIComponent(key.vpcId)}` : `state/${encodeURIComponent(key.state)}`;
}

function valueOf(key: GroupKey): string {
  return key.kind === 'vpc' ? key.vpcId : key.state;
}

let nameCollator: Intl.Collator | undefined;

function collator(): Intl.Collator {
  return (nameCollator ??= new Intl.Collator('en'));
}

/** ICU takes milliseconds to set up the first collator: the view has it done while it waits for the first page. */
export function prepareNameOrder(): void {
  collator();
}

export function compareVpcs(a: string, b: string, vpcNames: ReadonlyMap<string, string>): number {
  if (a === NO_VPC || b === NO_VPC) {
    return a === b ? 0 : a === NO_VPC ? 1 : -1;
  }
  const nameA = vpcNames.get(a) ?? '\uffff' + a;
  const nameB = vpcNames.get(b) ?? '\uffff' + b;
  return collator().compare(nameA, nameB) || (a < b ? -1 : a > b ? 1 : 0);
}

function build(servers: readonly Server[], dimensions: Dimension[], parentId: string, vpcNames: ReadonlyMap<string, string>): Group[] {
  const [dimension, ...rest] = dimensions;
  const buckets = new Map<string, { key: GroupKey; servers: Server[] }>();
  for (const server of servers) {
    const key = keyOf(server, dimension);
    const value = valueOf(key);
    let bucket = buckets.get(value);
    if (!bucket) {
      bucket = { key, servers: [] };
      buckets.set(value, bucket);
    }
    bucket.servers.push(server);
  }
  const compare = dimension === 'vpc' ? (a: string, b: string) => compareVpcs(a, b, vpcNames) : compareStates;
  return [...buckets.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([, bucket]) => {
      const id = parentId ? `${parentId}/${idPart(bucket.key)}` : idPart(bucket.key);
      const children = rest.length > 0 ? build(bucket.servers, rest, id, vpcNames) : [];
      return { key: bucket.key, id, count: bucket.servers.length, children, servers: rest.length > 0 ? [] : bucket.servers };
    });
}

/** The top-level groups; for `none`, one pseudo-level is skipped and the caller lists servers directly. */
export function groupServers(servers: readonly Server[], groupBy: GroupBy, vpcNames: ReadonlyMap<string, string>): Group[] {
  const dimensions = DIMENSIONS[groupBy];
  return dimensions.length === 0 ? [] : build(servers, dimensions, '', vpcNames);
}
