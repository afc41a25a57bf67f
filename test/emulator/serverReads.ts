/**
 * The per-server reads of the emulator (docs/scp-api-facts.md#per-server-reads): `GET /v1/servers/{id}/interfaces`
 * (a static NAT IP for some servers, deterministic from the dataset seed and the server id),
 * `GET /v1/servers/{id}/console-log` and `GET /v1/images/{id}` (the dataset's four images, with `os_distro`). Tests
 * may override any answer.
 */
import type { Server } from '../../src/core/serverModel';
import { FIXTURES, IMAGES } from './dataset';
import type { ParsedQuery } from './goQuery';
import type { Reply } from './reply';
import { SeededRandom } from './seededRandom';

const INTERFACES_PATH = /^\/v1\/servers\/([^/]+)\/interfaces$/;
const CONSOLE_LOG_PATH = /^\/v1\/servers\/([^/]+)\/console-log$/;
const IMAGE_PATH = /^\/v1\/images\/([^/]+)$/;

/** The fixtures whose public IP tests name; every other server gets one (or not) from the seed. */
const FIXTURE_PUBLIC_IPS: Readonly<Record<string, string | null>> = {
  [FIXTURES.web01.id]: '203.0.113.11',
  [FIXTURES.web02.id]: null,
  [FIXTURES.natPair.id]: '203.0.113.50',
  [FIXTURES.dbPrimary.id]: null,
};

const IMAGE_FACTS: [string, string, string][] = [
  ['Ubuntu 22.04', 'ubuntu', '22.04'],
  ['Rocky Linux 9', 'rocky', '9'],
  ['Windows Server 2022', 'windows', '2022'],
  ['RHEL 8', 'rhel', '8'],
];

const EMULATOR_IMAGES = IMAGES.map((id, index) => ({
  id,
  name: IMAGE_FACTS[index][0],
  os_distro: IMAGE_FACTS[index][1],
  scp_os_version: IMAGE_FACTS[index][2],
  status: 'active',
  visibility: 'public',
  min_disk: 50,
  min_ram: 0,
  size: 3221225472,
  created_at: '2024-01-01T00:00:00Z',
}));

function hashOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  }
  return hash;
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export class ServerReads {
  /** Server id → public IP (null: none), over what the seed gives. */
  readonly publicIps = new Map<string, string | null>(Object.entries(FIXTURE_PUBLIC_IPS));
  /** Server id → console output (null: none), over the generated boot log. */
  readonly consoleOutputs = new Map<string, string | null>();
  /** Image id → image, or null for an image that is gone (404). */
  readonly images = new Map<string, Record<string, unknown> | null>(EMULATOR_IMAGES.map((image) => [image.id, image]));
  /** 403 on every interfaces request, like a key without the permission to read network interfaces. */
  forbidInterfaces = false;

  constructor(private readonly seed: number) {}

  handles(path: string): boolean {
    return INTERFACES_PATH.test(path) || CONSOLE_LOG_PATH.test(path) || IMAGE_PATH.test(path);
  }

  answer(path: string, query: ParsedQuery, servers: readonly Server[], reply: Reply): void {
    const image = IMAGE_PATH.exec(path);
    if (image) {
      const found = this.images.get(decoded(image[1]));
      return found ? reply.json(200, found) : reply.errors(404, [`image ${JSON.stringify(decoded(image[1]))} not found`]);
    }
    const [, rawId] = INTERFACES_PATH.exec(path) ?? CONSOLE_LOG_PATH.exec(path) ?? [];
    const id = decoded(rawId);
    const server = servers.find((candidate) => candidate.id === id);
    if (!server) {
      return reply.errors(404, [`server ${JSON.stringify(id)} not found`]);
    }
    if (INTERFACES_PATH.test(path)) {
      return this.forbidInterfaces
        ? reply.errors(403, ['the access key lacks the permission virtualserver:ListServerInterfaces'])
        : reply.json(200, { interfaces: this.interfacesOf(server) });
    }
    const lineSize = query.pairs.find(([key]) => key === 'line_size')?.[1];
    const lines = lineSize === undefined ? NaN : Number(lineSize);
    if (query.pairs.some(([key]) => key !== 'line_size') || !Number.isInteger(lines) || lines < 1) {
      return reply.errors(400, ['line_size must be a positive integer, and the only query parameter']);
    }
    reply.json(200, { output: this.consoleOf(server, lines) });
  }

  publicIpOf(server: Server): string | null {
    const override = this.publicIps.get(server.id);
    if (override !== undefined) {
      return override;
    }
    const random = new SeededRandom(this.seed ^ hashOf(server.id));
    return server.state === 'ACTIVE' && random.chance(0.3) ? `203.0.113.${random.int(100, 250)}` : null;
  }

  private interfacesOf(server: Server): unknown[] {
    const publicIp = this.publicIpOf(server);
    return (server.addresses ?? []).map((subnet, index) => ({
      port_id: `port-${index}-${server.id}`,
      subnet_id: `subnet-${subnet.subnet_name}`,
      mac_addr: `fa:16:3e:00:00:${String(index).padStart(2, '0')}`,
      port_state: 'ACTIVE',
      fixed_ips: subnet.ip_addresses.map((address) => ({ ip_address: address.ip_address })),
      is_default: index === 0,
      static_nat: index === 0 && publicIp ? { id: `nat-${server.id}`, external_ip_address: publicIp, publicip_id: `pip-${server.id}`, state: 'ACTIVE' } : null,
      private_static_nat: null,
    }));
  }

  private consoleOf(server: Server, lines: number): string | null {
    const override = this.consoleOutputs.get(server.id);
    const output =
      override !== undefined
        ? override
        : server.state === 'SHUTOFF'
          ? null
          : [
              `[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045)`,
              `[    1.204411] systemd[1]: Set hostname to <${server.name}>.`,
              `[    3.881920] cloud-init[612]: Cloud-init v. 23.3 running 'modules:config'`,
              `${server.name} login: `,
            ].join('\n');
    return output === null ? null : output.split('\n').slice(-lines).join('\n');
  }
}
