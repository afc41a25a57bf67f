/**
 * The emulator's deterministic dataset: a realistic fleet of virtual servers and the VPCs they sit in.
 *
 * - The VPCs and the fixture servers (`FIXTURES`) are the same for every seed: tests can name them.
 * - The rest of the fleet ("bulk") comes from a seeded generator: the same seed gives the same servers,
 *   in O(n), so 10,000 or 50,000 servers take a fraction of a second.
 * - With `serverCount` smaller than the number of fixtures, the first `serverCount` fixtures are used.
 */
import type { Server, ServerType, SubnetAddresses, Vpc } from '../../src/core/serverModel';
import { SeededRandom } from './seededRandom';

export const DEFAULT_SERVER_COUNT = 300;
export const DEFAULT_SEED = 1;

/** A VPC as the VPC API lists it: the extension's `Vpc` plus the fields it ignores. */
export interface EmulatorVpc extends Vpc {
  cidr: string;
  state: string;
  account_id: string;
  description: string;
  created_at: string;
  created_by: string;
  modified_at: string;
}

export interface Dataset {
  servers: Server[];
  vpcs: EmulatorVpc[];
}

export interface DatasetOptions {
  /** How many servers; default 300. */
  serverCount?: number;
  /** Seed of the bulk servers; default 1. */
  seed?: number;
}

const ACCOUNT_ID = '7a3f1c2e9b8d4e6fa1b2c3d4e5f60718';

/** The VPC ids; `missing` is referenced by a server but absent from the VPC list (deleted VPC, no permission…). */
export const VPC_IDS = {
  production: 'b1f0c0de7f3e4a51a9e1c2d3e4f50001',
  development: 'b1f0c0de7f3e4a51a9e1c2d3e4f50002',
  shared: 'b1f0c0de7f3e4a51a9e1c2d3e4f50003',
  dmz: 'b1f0c0de7f3e4a51a9e1c2d3e4f50004',
  analytics: 'b1f0c0de7f3e4a51a9e1c2d3e4f50005',
  sandbox: 'b1f0c0de7f3e4a51a9e1c2d3e4f50006',
  missing: 'dead0000beef4000a000000000000404',
} as const;

type VpcKey = keyof typeof VPC_IDS;

/** Per VPC: name, the first two octets of its IPv4 CIDR, subnet names. */
const VPC_LAYOUT: Record<VpcKey, { name: string; octets: string; subnets: string[]; state: string }> = {
  production: { name: '운영-VPC', octets: '10.10', subnets: ['web-subnet-a', 'web-subnet-b', 'app-subnet', 'db-subnet'], state: 'ACTIVE' },
  development: { name: '개발 VPC', octets: '10.20', subnets: ['dev-subnet-01', 'dev-subnet-02'], state: 'ACTIVE' },
  shared: { name: 'shared-services', octets: '10.30', subnets: ['infra-subnet', 'mgmt-subnet'], state: 'ACTIVE' },
  dmz: { name: 'dmz-vpc', octets: '172.16', subnets: ['dmz-subnet'], state: 'ACTIVE' },
  analytics: { name: '분석-플랫폼', octets: '10.40', subnets: ['분석-subnet', 'gpu-subnet'], state: 'ACTIVE' },
  sandbox: { name: 'sandbox & lab', octets: '192.168', subnets: ['lab-subnet'], state: 'EDITING' },
  missing: { name: '(deleted)', octets: '10.99', subnets: ['old-subnet'], state: 'DELETED' },
};

/** The states the emulator uses besides ACTIVE, SHUTOFF and ERROR. */
const TRANSITIONAL_STATES = ['BUILD', 'REBOOT', 'HARD_REBOOT', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING', 'REBUILD'] as const;
/** A state no client knows: it must be shown, never crash anything. */
export const UNKNOWN_STATE = 'QUARANTINED';

const USERS = ['e0a1b2c3d4e5f60718293a4b5c6d7e8f', '0f1e2d3c4b5a69788796a5b4c3d2e1f0', '5a5a5a5a11114b4b8c8c9d9d0e0e1f1f'];
export const IMAGES = [
  '6f1c9a2b-3d4e-4f50-8a61-72b3c4d5e6f7', // Ubuntu 22.04
  '8a2d0b3c-4e5f-4061-9b72-83c4d5e6f708', // Rocky Linux 9
  '9b3e1c4d-5f60-4172-8c83-94d5e6f70819', // Windows Server 2022
  'a0c4f2d5-6071-4283-9d94-a5e6f708192a', // RHEL 8
];
const SERVER_GROUPS = ['c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b', 'd4e5f607-1829-43a4-b5c6-d7e8f90a1b2c'];
const BULK_AUTO_SCALING_GROUPS = [
  ['e5f60718-293a-44b5-86d7-e8f90a1b2c3d', 'f6071829-3a4b-45c6-97e8-f90a1b2c3d4e'],
  ['0718293a-4b5c-46d7-a8f9-0a1b2c3d4e5f', '18293a4b-5c6d-47e8-b90a-1b2c3d4e5f60'],
] as const;

function serverType(id: string, vcpus: number, ramGb: number, disk: number, gpu?: string): ServerType {
  const extraSpecs: Record<string, unknown> = { cpu_arch: 'x86_64', 'hw:cpu_policy': gpu ? 'dedicated' : 'shared' };
  if (gpu) {
    extraSpecs['pci_passthrough:alias'] = gpu;
  }
  return { id, name: id, vcpus, ram: ramGb * 1024, disk, ephemeral: 0, swap: 0, extra_specs: extraSpecs };
}

const STANDARD_TYPES: readonly ServerType[] = [
  serverType('s1v1m2', 1, 2, 50),
  serverType('s1v2m4', 2, 4, 50),
  serverType('s1v2m8', 2, 8, 50),
  serverType('s1v4m8', 4, 8, 100),
  serverType('s1v4m16', 4, 16, 100),
  serverType('s1v8m16', 8, 16, 100),
  serverType('s1v8m32', 8, 32, 200),
  serverType('s1v16m64', 16, 64, 200),
];
const GPU_TYPES: readonly ServerType[] = [serverType('g1v16m128', 16, 128, 500, 'nvidia-a100:1'), serverType('g1v32m256', 32, 256, 1000, 'nvidia-a100:2')];

function typeById(id: string): ServerType {
  const found = [...STANDARD_TYPES, ...GPU_TYPES].find((type) => type.id === id);
  if (!found) {
    throw new Error(`no server type ${id}`);
  }
  return found;
}

/** A fresh copy, so that a test mutating one server's type does not change the others. */
function copyType(type: ServerType): ServerType {
  return { ...type, extra_specs: { ...type.extra_specs } };
}

const FIXTURE_ASG = '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7081';
const FIXTURE_LAUNCH_CONFIGURATION = '3b4c5d6e-7f80-4192-8b3c-4d5e6f708192';

function fixtureId(index: number): string {
  return `5c0e0000-0000-4000-8000-${index.toString().padStart(12, '0')}`;
}

function v4(ip: string): { ip_address: string; version: number } {
  return { ip_address: ip, version: 4 };
}

/** The fixture servers, in the order the dataset lists them. Keys name them for tests. */
function buildFixtures() {
  let index = 0;
  const base = (name: string, overrides: Partial<Server>): Server => {
    index += 1;
    const vm: Server = {
      id: fixtureId(index),
      name,
      state: 'ACTIVE',
      account_id: ACCOUNT_ID,
      created_at: `2024-01-${String(index).padStart(2, '0')}T08:00:00Z`,
      created_by: USERS[index % USERS.length],
      modified_at: `2024-02-${String(index).padStart(2, '0')}T08:30:00Z`,
      disk_config: 'AUTO',
      locked: false,
      metadata: '',
      server_type: copyType(typeById('s1v2m4')),
      volumes: [{ id: `5c0e7000-0000-4000-8000-${index.toString().padStart(12, '0')}`, delete_on_termination: true }],
      addresses: [{ subnet_name: 'app-subnet', ip_addresses: [v4(`10.10.5.${index}`)] }],
      security_groups: [{ name: 'default' }],
      vpc_id: VPC_IDS.production,
      image_id: IMAGES[0],
      keypair_name: 'ops-key',
      server_group_id: null,
      auto_scaling_group_id: null,
      launch_configuration_id: null,
      is_marketplace: false,
      partition_number: null,
      planned_compute_os_type: 'open_source',
      product_category: 'compute',
      product_offering: 'virtual_server',
    };
    return { ...vm, ...overrides };
  };
  return {
    web01: base('웹서버-01', {
      created_at: '2024-03-05T09:12:44Z',
      addresses: [
        { subnet_name: 'web-subnet-a', ip_addresses: [v4('10.10.1.11'), { ip_address: 'fd00:10:10:1::11', version: 6 }] },
        { subnet_name: 'mgmt-subnet', ip_addresses: [v4('10.10.200.11')] },
      ],
      security_groups: [{ name: 'default' }, { name: 'web-sg' }],
    }),
    web02: base('웹서버-02', {
      created_at: '2024-03-05T09:15:02', // no time zone: UTC
      modified_at: '2024-03-06T10:00:00',
      addresses: [{ subnet_name: 'web-subnet-b', ip_addresses: [v4('10.10.2.12')] }],
    }),
    dbPrimary: base('db primary 01', {
      state: 'SHUTOFF',
      created_at: '2023-11-20T01:02:03.456789Z',
      server_type: copyType(typeById('s1v8m32')),
      addresses: [{ subnet_name: 'db-subnet', ip_addresses: [v4('10.10.3.21')] }],
      volumes: [
        { id: '5c0e7000-0000-4000-8000-000000000103', delete_on_termination: true },
        { id: '5c0e7000-0000-4000-8000-000000001103', delete_on_termination: false },
      ],
      planned_compute_os_type: 'rhel',
      image_id: IMAGES[3],
    }),
    buildPlus: base('build+test runner', { vpc_id: VPC_IDS.development, addresses: [{ subnet_name: 'dev-subnet-01', ip_addresses: [v4('10.20.1.4')] }] }),
    ampersand: base('R&D sandbox', { vpc_id: VPC_IDS.sandbox, addresses: [{ subnet_name: 'lab-subnet', ip_addresses: [v4('192.168.1.5')] }] }),
    percent: base('100% cpu probe', { state: 'ERROR', vpc_id: VPC_IDS.development, addresses: [{ subnet_name: 'dev-subnet-02', ip_addresses: [v4('10.20.2.6')] }] }),
    hashParen: base('로그-수집기 #3 (임시)', { vpc_id: VPC_IDS.analytics, addresses: [{ subnet_name: '분석-subnet', ip_addresses: [v4('10.40.1.7')] }] }),
    equalsQuestion: base('key=value?batch/1', { state: 'SHUTOFF', vpc_id: VPC_IDS.shared, addresses: [{ subnet_name: 'infra-subnet', ip_addresses: [v4('10.30.1.8')] }] }),
    nullAddresses: base('orphan-nic-test', { addresses: null, security_groups: null }),
    missingAddresses: (() => {
      // A server still being built: only the always-present fields, every optional one left out.
      const vm = base('provisioning-new', { state: 'BUILD', created_at: '2025-05-31T23:59:59Z', modified_at: '2025-05-31T23:59:59Z' });
      const { id, name, state, account_id, created_at, created_by, modified_at, disk_config, locked, metadata, server_type, volumes } = vm;
      return { id, name, state, account_id, created_at, created_by, modified_at, disk_config, locked, metadata, server_type, volumes };
    })(),
    noVpc: base('legacy-classic-01', { vpc_id: null, addresses: [{ subnet_name: 'classic', ip_addresses: [v4('100.64.0.11')] }] }),
    missingVpcKey: (() => {
      const vm: Partial<Server> = base('legacy-classic-02', { state: 'SHUTOFF', addresses: [{ subnet_name: 'classic', ip_addresses: [v4('100.64.0.12')] }] });
      delete vm.vpc_id;
      return vm as Server;
    })(),
    orphanVpc: base('ghost-vpc-member', { vpc_id: VPC_IDS.missing, addresses: [{ subnet_name: 'old-subnet', ip_addresses: [v4('10.99.1.13')] }] }),
    unknownState: base('mystery-state', { state: UNKNOWN_STATE }),
    rebooting: base('api-gw-01', { state: 'REBOOT' }),
    hardRebooting: base('api-gw-02', { state: 'HARD_REBOOT' }),
    resizing: base('batch-worker-resize', { state: 'RESIZE', server_type: copyType(typeById('s1v4m16')) }),
    migrating: base('cache-node-03', { state: 'MIGRATING' }),
    gpu: base('gpu-train-01', {
      vpc_id: VPC_IDS.analytics,
      server_type: copyType(typeById('g1v16m128')),
      product_offering: 'gpu_server',
      addresses: [{ subnet_name: 'gpu-subnet', ip_addresses: [v4('10.40.2.19')] }],
      is_marketplace: true,
    }),
    k8sNode: base('scp-k8s-prod-node-a1b2c', { product_category: 'container', product_offering: 'k8s_vm', server_type: copyType(typeById('s1v4m16')), keypair_name: null }),
    k8sGpuNode: base('scp-k8s-ml-gpu-node-d3e4f', {
      vpc_id: VPC_IDS.analytics,
      product_category: 'container',
      product_offering: 'k8s_gpu_vm',
      server_type: copyType(typeById('g1v32m256')),
      addresses: [{ subnet_name: 'gpu-subnet', ip_addresses: [v4('10.40.2.21')] }],
    }),
    workerA: base('worker', { created_at: '2024-08-01T00:00:00Z', auto_scaling_group_id: FIXTURE_ASG, launch_configuration_id: FIXTURE_LAUNCH_CONFIGURATION, server_group_id: SERVER_GROUPS[0], partition_number: 1 }),
    workerB: base('worker', { created_at: '2024-08-01T00:00:00Z', auto_scaling_group_id: FIXTURE_ASG, launch_configuration_id: FIXTURE_LAUNCH_CONFIGURATION, server_group_id: SERVER_GROUPS[0], partition_number: 2 }),
    legacyFlavor: base('old-flavor-vm', {
      server_type: { name: 'legacy.m1.small', vcpus: 1, ram: 2048, disk: 20 },
      metadata: { owner: 'ops', 비고: '이전 세대' },
      locked: true,
      disk_config: 'MANUAL',
    }),
    natPair: base('nat gateway vm', {
      vpc_id: VPC_IDS.dmz,
      addresses: [{ subnet_name: 'dmz-subnet', ip_addresses: [v4('172.16.1.5'), v4('172.16.1.6')] }],
      planned_compute_os_type: 'windows',
      image_id: IMAGES[2],
      keypair_name: null,
    }),
  };
}

export type FixtureKey = keyof ReturnType<typeof buildFixtures>;

/** Keys and ids of the fixtures, for tests: `FIXTURES.web01.id`, `FIXTURES.web01.name`… */
export const FIXTURES = Object.freeze(
  Object.fromEntries(Object.entries(buildFixtures()).map(([key, vm]) => [key, Object.freeze({ id: vm.id, name: vm.name, state: vm.state })])),
) as Readonly<Record<FixtureKey, Readonly<{ id: string; name: string; state: string }>>>;
export const FIXTURE_AUTO_SCALING_GROUP_ID = FIXTURE_ASG;

/** The newest bulk server is created at most this long before this instant (a fixed time, so data never drifts). */
const ANCHOR_MS = Date.UTC(2025, 5, 1);
const THREE_YEARS_MS = 3 * 365 * 24 * 3600 * 1000;

function formatTimestamp(ms: number, style: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-02T03:04:05.000Z
  const seconds = iso.slice(0, 19);
  if (style === 0) {
    return `${seconds}Z`;
  }
  if (style === 1) {
    return seconds; // no time zone: the API means UTC
  }
  return `${seconds}.${String(ms % 1000).padStart(3, '0')}${String((ms * 7) % 1000).padStart(3, '0')}Z`;
}

const ROLES = ['web', 'api', 'was', 'db', 'batch', 'cache', 'mq', 'bastion', '웹서버', '배치서버', 'DB서버', '관리 서버'];
const ENVS = ['prod', 'stg', 'dev'];

export function generateDataset(options: DatasetOptions = {}): Dataset {
  const serverCount = options.serverCount ?? DEFAULT_SERVER_COUNT;
  if (!Number.isInteger(serverCount) || serverCount < 0) {
    throw new Error(`serverCount must be a non-negative integer, got ${serverCount}`);
  }
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const fixtures = Object.values(buildFixtures());
  const servers = fixtures.slice(0, serverCount);
  const hostCounters = new Map<VpcKey | 'classic', number>();
  const nameCounters = new Map<string, number>();

  const nextSequence = (prefix: string): number => {
    const next = (nameCounters.get(prefix) ?? 0) + 1;
    nameCounters.set(prefix, next);
    return next;
  };
  const nextHost = (vpc: VpcKey | 'classic'): string => {
    const n = hostCounters.get(vpc) ?? 0;
    hostCounters.set(vpc, n + 1);
    // Fixtures use third octets below 10 and 200; bulk servers use 10..249.
    const third = 10 + (Math.floor(n / 250) % 240);
    const fourth = 2 + (n % 250);
    const octets = vpc === 'classic' ? '100.64' : VPC_LAYOUT[vpc].octets;
    return `${octets}.${third}.${fourth}`;
  };

  while (servers.length < serverCount) {
    const vpcKey = random.weighted<VpcKey | null>([
      ['production', 35], ['development', 20], ['shared', 12], ['dmz', 6], ['analytics', 12], ['sandbox', 8], ['missing', 1], [null, 3],
    ]);
    const state = random.weighted<string>([['ACTIVE', 82], ['SHUTOFF', 11], ['ERROR', 2.5], ['transitional', 4.5]]);
    const finalState = state === 'transitional' ? random.pick(TRANSITIONAL_STATES) : state;
    const offering = random.weighted<string>([['virtual_server', 85], ['gpu_server', 4], ['k8s_vm', 9], ['k8s_gpu_vm', 2]]);
    const container = offering.startsWith('k8s');
    const gpu = offering.includes('gpu');
    const type = copyType(random.pick(gpu ? GPU_TYPES : STANDARD_TYPES));
    const env = random.pick(ENVS);
    let name: string;
    if (container) {
      name = `scp-k8s-${env}-${gpu ? 'gpu-' : ''}node-${random.hex(5)}`;
    } else if (gpu) {
      name = `gpu-${random.pick(['train', 'infer', 'notebook'])}-${String(nextSequence(`gpu-${env}`)).padStart(2, '0')}`;
    } else {
      const role = random.pick(ROLES);
      const ascii = /^[a-z]+$/.test(role);
      const prefix = ascii ? `${role}-${env}` : role;
      name = `${prefix}-${String(nextSequence(prefix)).padStart(ascii ? 3 : 2, '0')}`;
    }
    const createdMs = ANCHOR_MS - Math.floor(random.next() * THREE_YEARS_MS / 1000) * 1000;
    const modifiedMs = createdMs + Math.floor(random.next() * (ANCHOR_MS - createdMs) / 1000) * 1000;
    const timeStyle = random.weighted<number>([[0, 70], [1, 20], [2, 10]]);
    const osType = random.weighted<string | null>([['open_source', 70], ['windows', 15], ['rhel', 10], [null, 5]]);

    let addresses: SubnetAddresses[] | null | undefined;
    const unsettled = finalState !== 'ACTIVE' && finalState !== 'SHUTOFF';
    if (unsettled && random.chance(0.4)) {
      addresses = random.chance(0.5) ? null : undefined;
    } else {
      const hostVpc = vpcKey ?? 'classic';
      const subnetNames = vpcKey ? VPC_LAYOUT[vpcKey].subnets : ['classic'];
      addresses = [{ subnet_name: random.pick(subnetNames), ip_addresses: [v4(nextHost(hostVpc))] }];
      if (random.chance(0.05)) {
        addresses.push({ subnet_name: random.pick(subnetNames), ip_addresses: [v4(nextHost(hostVpc))] });
      }
      if (random.chance(0.03)) {
        addresses[0].ip_addresses.push({ ip_address: `fd00:${(vpcKey ?? 'classic').length}::${random.hex(4)}`, version: 6 });
      }
    }

    const asg = !container && random.chance(0.08) ? random.pick(BULK_AUTO_SCALING_GROUPS) : null;
    const volumeCount = random.weighted<number>([[1, 70], [2, 25], [3, 5]]);
    const volumes = Array.from({ length: volumeCount }, (_unused, i) => ({ id: random.uuid(), delete_on_termination: i === 0 || random.chance(0.3) }));
    const securityGroupsRoll = random.next();

    const vm: Server = {
      id: random.uuid(),
      name,
      state: finalState,
      account_id: ACCOUNT_ID,
      created_at: formatTimestamp(createdMs, timeStyle),
      created_by: random.pick(USERS),
      modified_at: formatTimestamp(modifiedMs, timeStyle),
      disk_config: random.chance(0.7) ? 'AUTO' : 'MANUAL',
      locked: random.chance(0.02),
      metadata: '',
      server_type: type,
      volumes,
      addresses,
      security_groups: securityGroupsRoll < 0.85 ? [{ name: 'default' }, { name: `${env}-sg` }] : securityGroupsRoll < 0.95 ? null : undefined,
      vpc_id: vpcKey ? VPC_IDS[vpcKey] : null,
      image_id: random.chance(0.95) ? (osType === 'windows' ? IMAGES[2] : random.pick(IMAGES)) : null,
      keypair_name: osType === 'windows' ? null : random.pick(['ops-key', 'deploy-key', 'dev-key']),
      server_group_id: random.chance(0.15) ? random.pick(SERVER_GROUPS) : null,
      auto_scaling_group_id: asg ? asg[0] : null,
      launch_configuration_id: asg ? asg[1] : null,
      is_marketplace: random.chance(0.03) ? undefined : random.chance(0.05),
      partition_number: random.chance(0.1) ? random.int(0, 3) : null,
      planned_compute_os_type: osType,
      product_category: container ? 'container' : 'compute',
      product_offering: offering,
    };
    if (addresses === undefined) {
      delete vm.addresses;
    }
    if (vm.security_groups === undefined) {
      delete vm.security_groups;
    }
    if (vm.is_marketplace === undefined) {
      delete vm.is_marketplace;
    }
    servers.push(vm);
  }

  return { servers, vpcs: buildVpcs() };
}

function buildVpcs(): EmulatorVpc[] {
  const listed = Object.keys(VPC_IDS).filter((key): key is VpcKey => key !== 'missing');
  return listed.map((key, index) => ({
    id: VPC_IDS[key],
    name: VPC_LAYOUT[key].name,
    cidr: `${VPC_LAYOUT[key].octets}.0.0/16`,
    state: VPC_LAYOUT[key].state,
    account_id: ACCOUNT_ID,
    description: key === 'production' ? '운영 서비스용 VPC' : '',
    created_at: `2023-0${index + 1}-15T02:00:00Z`,
    created_by: USERS[0],
    modified_at: `2023-0${index + 1}-20T02:00:00Z`,
  }));
}
