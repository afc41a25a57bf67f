/**
 * The SCP emulator (test/emulator), over real HTTP on 127.0.0.1. Requests are signed here with node:crypto,
 * independently of any signing code in src/ or in the emulator.
 */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { Server } from '../../src/core/serverModel';
import { FIXTURE_AUTO_SCALING_GROUP_ID, FIXTURES, generateDataset, UNKNOWN_STATE, VPC_IDS } from '../emulator/dataset';
import { parseGoQuery } from '../emulator/goQuery';
import { parseCliArgs } from '../emulator/main';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';

// ---------------------------------------------------------------------------------------------------------------
// A small independent client: Go-style query encoding, SCP signing, raw HTTP.

/** Go url.QueryEscape: space → '+', everything but A-Z a-z 0-9 - _ . ~ as %XX (upper-case, UTF-8). */
function goEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go url.Values.Encode: keys sorted, repeated keys keep their order. */
function goEncode(pairs: [string, string][]): string {
  return [...pairs]
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => (a.pair[0] < b.pair[0] ? -1 : a.pair[0] > b.pair[0] ? 1 : a.index - b.index))
    .map(({ pair }) => `${goEscape(pair[0])}=${goEscape(pair[1])}`)
    .join('&');
}

function serversTarget(pairs: [string, string][] = []): string {
  return pairs.length ? `/v1/servers?${goEncode(pairs)}` : '/v1/servers';
}

interface CallOptions {
  method?: string;
  accessKey?: string;
  secretKey?: string;
  timestamp?: string;
  clientType?: string;
  /** null: no Scp-Api-Version header. */
  apiVersion?: string | null;
  /** Header names to leave out (after signing). */
  omit?: string[];
  /** Sign this target instead of the one sent. */
  signedTarget?: string;
  /** Sign with this host instead of the real Host header. */
  signedHost?: string;
  /** Sign with this method instead of the one sent. */
  signedMethod?: string;
  agent?: http.Agent;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The Scp-Signature this request carried. */
  signature: string;
}

function sign(secretKey: string, text: string): string {
  return createHmac('sha256', secretKey).update(text, 'utf8').digest('base64');
}

function call(baseUrl: string, target: string, options: CallOptions = {}): Promise<Answer> {
  const base = new URL(baseUrl);
  const method = options.method ?? 'GET';
  const accessKey = options.accessKey ?? DEMO_ACCESS_KEY;
  const timestamp = options.timestamp ?? String(Date.now());
  const clientType = options.clientType ?? 'Openapi';
  const signedUrl = `http://${options.signedHost ?? base.host}${options.signedTarget ?? target}`;
  const signature = sign(options.secretKey ?? DEMO_SECRET_KEY, `${options.signedMethod ?? method}${signedUrl}${timestamp}${accessKey}Openapi`);
  const apiVersion = options.apiVersion === undefined ? (target.startsWith('/v1/vpcs') ? 'vpc 1.1' : 'virtualserver 1.1') : options.apiVersion;
  const omit = new Set((options.omit ?? []).map((name) => name.toLowerCase()));
  const headers = Object.fromEntries(
    Object.entries({
      'Scp-AccessKey': accessKey,
      'Scp-Timestamp': timestamp,
      'Scp-ClientType': clientType,
      'Scp-Signature': signature,
      'Scp-Api-Version': apiVersion,
      Accept: 'application/json',
      'Accept-Language': 'en-US',
    }).filter((header): header is [string, string] => header[1] !== null && !omit.has(header[0].toLowerCase())),
  );
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path: target, method, headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), signature }));
    });
    req.on('error', reject);
    req.end();
  });
}

function errorEntry(answer: Answer): { code: string; detail: string[]; status: number } {
  const body = JSON.parse(answer.body) as { errors: { code: string; detail: string[]; status: number }[] };
  assert.equal(body.errors.length, 1);
  return body.errors[0];
}

function serversOf(answer: Answer): Server[] {
  assert.equal(answer.status, 200, answer.body);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['servers']);
  return body.servers as Server[];
}

// ---------------------------------------------------------------------------------------------------------------
// An independent oracle for filters and order.

function utcMs(text: string): number {
  return Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}

function byDefaultOrder(a: Server, b: Server): number {
  return utcMs(b.created_at) - utcMs(a.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function expectedIds(servers: Server[], keep: (server: Server) => boolean, order: (a: Server, b: Server) => number = byDefaultOrder): string[] {
  return servers.filter(keep).sort(order).map((server) => server.id);
}

function ids(servers: Server[]): string[] {
  return servers.map((server) => server.id);
}

function ipsOf(server: Server): string[] {
  return (server.addresses ?? []).flatMap((subnet) => subnet.ip_addresses.map((ip) => ip.ip_address));
}

/** Follows markers until a short page; fails after `maxPages`. */
async function walk(baseUrl: string, pairs: [string, string][], limit: number, maxPages = 10000): Promise<{ servers: Server[]; pages: number }> {
  const all: Server[] = [];
  let marker: string | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const query: [string, string][] = [...pairs, ['limit', String(limit)]];
    if (marker !== undefined) {
      query.push(['marker', marker]);
    }
    const page = serversOf(await call(baseUrl, serversTarget(query)));
    assert.ok(page.length <= limit, `page ${pages} has ${page.length} > ${limit} servers`);
    all.push(...page);
    if (page.length < limit) {
      return { servers: all, pages };
    }
    marker = page[page.length - 1].id;
  }
  throw new Error(`still paging after ${maxPages} pages`);
}

const FORBIDDEN_VPCS = { accessKey: 'NOVPCACCESSKEY', secretKey: 'no-vpc-secret', forbidden: 'vpcs' as const };
const FORBIDDEN_ALL = { accessKey: 'NOTHINGACCESSKEY', secretKey: 'nothing-secret', forbidden: 'all' as const };

// ---------------------------------------------------------------------------------------------------------------

describe('SCP emulator', () => {
  describe('goQuery (Go url.ParseQuery)', () => {
    it('decodes + as space and %XX as UTF-8, keeps repeated keys in order', () => {
      assert.deepEqual(parseGoQuery('name=a+b&x=%ED%95%9C%2B1&product_offering=k8s_vm&product_offering=gpu_server&flag').pairs, [
        ['name', 'a b'],
        ['x', '한+1'],
        ['product_offering', 'k8s_vm'],
        ['product_offering', 'gpu_server'],
        ['flag', ''],
      ]);
      assert.deepEqual(parseGoQuery(''), { pairs: [] });
    });

    it('reports bad escapes and semicolons like Go, keeping the other pairs', () => {
      const bad = parseGoQuery('a=1&b=%zz&c=3');
      assert.deepEqual(bad.pairs, [['a', '1'], ['c', '3']]);
      assert.match(bad.error ?? '', /invalid URL escape/);
      assert.equal(parseGoQuery('a=1;b=2').error, 'invalid semicolon separator in query');
    });
  });

  describe('dataset', () => {
    it('is deterministic per seed and O(n) big', () => {
      assert.deepEqual(generateDataset({ seed: 7 }), generateDataset({ seed: 7 }));
      assert.notDeepEqual(generateDataset({ seed: 7 }).servers, generateDataset({ seed: 8 }).servers);
      const big = generateDataset({ serverCount: 50000, seed: 3 });
      assert.equal(big.servers.length, 50000);
      assert.equal(new Set(ids(big.servers)).size, 50000);
      assert.deepEqual(ids(generateDataset({ serverCount: 3 }).servers), [FIXTURES.web01.id, FIXTURES.web02.id, FIXTURES.dbPrimary.id]);
    });

    it('covers the cases a client must survive', () => {
      const { servers, vpcs } = generateDataset();
      assert.equal(servers.length, 300);
      const names = servers.map((server) => server.name);
      assert.ok(names.includes('웹서버-01'));
      for (const special of [' ', '+', '&', '%', '#', '=', '?']) {
        assert.ok(names.some((name) => name.includes(special)), `a name with ${JSON.stringify(special)}`);
      }
      assert.ok(servers.some((server) => server.addresses === null));
      assert.ok(servers.some((server) => !('addresses' in server)));
      assert.ok(servers.some((server) => (server.addresses?.length ?? 0) >= 2));
      assert.ok(servers.some((server) => server.addresses?.some((subnet) => subnet.ip_addresses.some((ip) => ip.version === 6))));
      const states = new Set(servers.map((server) => server.state));
      for (const state of ['ACTIVE', 'SHUTOFF', 'ERROR', 'BUILD', 'REBOOT', 'HARD_REBOOT', UNKNOWN_STATE]) {
        assert.ok(states.has(state), state);
      }
      assert.ok(servers.filter((server) => server.state === 'ACTIVE').length > servers.length * 0.7, 'mostly ACTIVE');
      const offerings = new Set(servers.map((server) => `${server.product_category}/${server.product_offering}`));
      for (const pair of ['compute/virtual_server', 'compute/gpu_server', 'container/k8s_vm', 'container/k8s_gpu_vm']) {
        assert.ok(offerings.has(pair), pair);
      }
      assert.equal(vpcs.length, 6);
      assert.ok(vpcs.some((vpc) => /[가-힣]/.test(vpc.name)));
      assert.ok(!vpcs.some((vpc) => vpc.id === VPC_IDS.missing));
      assert.ok(servers.some((server) => server.vpc_id === VPC_IDS.missing));
      assert.ok(servers.some((server) => server.vpc_id === null) && servers.some((server) => !('vpc_id' in server)));
      assert.ok(servers.some((server) => server.created_at.endsWith('Z')) && servers.some((server) => !server.created_at.endsWith('Z')));
      assert.ok(servers.some((server) => server.auto_scaling_group_id));
      assert.equal(new Set(ids(servers)).size, 300);
    });
  });

  describe('over HTTP', () => {
    let emulator: ScpEmulator;
    let url: string;

    beforeEach(async () => {
      emulator = new ScpEmulator({ credentials: [{ accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY }, FORBIDDEN_VPCS, FORBIDDEN_ALL] });
      url = await emulator.start();
    });

    afterEach(async () => {
      await emulator.stop();
    });

    describe('gateway', () => {
      it('accepts a correctly signed request and logs it without secrets', async () => {
        assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
        const target = '/v1/servers?limit=5&name=%EC%9B%B9%EC%84%9C%EB%B2%84+0';
        const answer = await call(url, target);
        assert.equal(answer.status, 200, answer.body);
        const [entry] = emulator.requests;
        assert.equal(entry.rawTarget, target);
        assert.equal(entry.path, '/v1/servers');
        assert.deepEqual(entry.query, [['limit', '5'], ['name', '웹서버 0']]);
        assert.equal(entry.apiVersion, 'virtualserver 1.1');
        assert.equal(entry.accessKey, DEMO_ACCESS_KEY);
        assert.equal(entry.status, 200);
        assert.equal(entry.signatureVerified, true);
        const log = JSON.stringify(emulator.requests);
        assert.ok(!log.includes(DEMO_SECRET_KEY));
        assert.ok(!log.includes(answer.signature.slice(0, 16)), log);
        // Nor in a rejection's detail.
        const rejected = await call(url, '/v1/servers', { secretKey: 'wrong' });
        assert.ok(!rejected.body.includes(rejected.signature.slice(0, 16)));
        assert.ok(!JSON.stringify(emulator.requests).includes(rejected.signature.slice(0, 16)));
      });

      it('rejects a query re-encoded or reordered after signing', async () => {
        const spaced = await call(url, '/v1/servers?name=a%20b', { signedTarget: '/v1/servers?name=a+b' });
        assert.equal(spaced.status, 401);
        assert.match(errorEntry(spaced).detail[0], /signature mismatch/);
        const reordered = await call(url, '/v1/servers?name=web&limit=5', { signedTarget: '/v1/servers?limit=5&name=web' });
        assert.equal(reordered.status, 401);
        const lowerHex = await call(url, '/v1/servers?name=%ec%9b%b9', { signedTarget: '/v1/servers?name=%EC%9B%B9' });
        assert.equal(lowerHex.status, 401);
        assert.equal(emulator.requests.every((entry) => !entry.signatureVerified), true);
        // The same request, signed as sent, passes.
        assert.equal((await call(url, '/v1/servers?name=a%20b')).status, 200);
      });

      it('rejects a wrong secret, an unknown key, another host, and a wrong method in the signature', async () => {
        for (const options of [{ secretKey: 'wrong' }, { accessKey: 'NOSUCHKEY' }, { signedHost: 'localhost:1' }, { signedMethod: 'POST' }] as CallOptions[]) {
          const answer = await call(url, '/v1/servers', options);
          assert.equal(answer.status, 401, JSON.stringify(options));
          assert.equal(errorEntry(answer).code, 'Unauthorized');
        }
        assert.match(errorEntry(await call(url, '/v1/servers', { accessKey: 'NOSUCHKEY' })).detail[0], /unknown access key/);
      });

      it('rejects timestamps outside ±5 minutes, or in seconds', async () => {
        for (const timestamp of [Date.now() - 6 * 60_000, Date.now() + 6 * 60_000, Math.floor(Date.now() / 1000)]) {
          const answer = await call(url, '/v1/servers', { timestamp: String(timestamp) });
          assert.equal(answer.status, 401);
          assert.match(errorEntry(answer).detail[0], /timestamp outside the allowed window/);
        }
        assert.equal((await call(url, '/v1/servers', { timestamp: String(Date.now() - 4 * 60_000) })).status, 200);
      });

      it('rejects each missing header and a wrong client type', async () => {
        for (const header of ['Scp-AccessKey', 'Scp-Timestamp', 'Scp-ClientType', 'Scp-Signature']) {
          const answer = await call(url, '/v1/servers', { omit: [header] });
          assert.equal(answer.status, 401, header);
          assert.match(errorEntry(answer).detail[0], new RegExp(`missing header\\(s\\): ${header}`));
        }
        const wrongType = await call(url, '/v1/servers', { clientType: 'OpenAPI' });
        assert.equal(wrongType.status, 401);
        assert.match(errorEntry(wrongType).detail[0], /Scp-ClientType/);
      });

      it('answers the §5 errors[] envelope, or the Spring 404 when configured', async () => {
        const body = JSON.parse((await call(url, '/v1/servers', { secretKey: 'wrong' })).body) as { errors: Record<string, unknown>[] };
        assert.deepEqual(Object.keys(body.errors[0]), ['code', 'title', 'detail', 'status', 'request_id', 'global_request_id', 'links', 'related_resources', 'response']);
        assert.equal(body.errors[0].status, 401);
        await emulator.stop();
        emulator = new ScpEmulator({ authFailure: 'spring404' });
        url = await emulator.start();
        const answer = await call(url, '/v1/servers?limit=1', { secretKey: 'wrong' });
        assert.equal(answer.status, 404);
        const spring = JSON.parse(answer.body) as Record<string, unknown>;
        assert.deepEqual(Object.keys(spring).sort(), ['error', 'path', 'requestId', 'status', 'timestamp']);
        assert.equal(spring.path, '/v1/servers');
        assert.equal((await call(url, '/v1/servers?limit=1')).status, 200);
      });

      it('answers 403 for a key without permission, for VPCs only or for everything', async () => {
        const vpcOnly = { accessKey: FORBIDDEN_VPCS.accessKey, secretKey: FORBIDDEN_VPCS.secretKey };
        assert.equal((await call(url, '/v1/servers', vpcOnly)).status, 200);
        const denied = await call(url, '/v1/vpcs', vpcOnly);
        assert.equal(denied.status, 403);
        assert.equal(errorEntry(denied).code, 'Forbidden');
        const nothing = { accessKey: FORBIDDEN_ALL.accessKey, secretKey: FORBIDDEN_ALL.secretKey };
        assert.equal((await call(url, '/v1/servers', nothing)).status, 403);
        assert.equal((await call(url, '/v1/vpcs')).status, 200);
      });
    });

    describe('versions and routes', () => {
      it('accepts virtualserver 1.1-1.3 and answers 406 NoSuchVersion otherwise', async () => {
        for (const version of ['virtualserver 1.1', 'virtualserver 1.2', 'virtualserver 1.3']) {
          assert.equal((await call(url, '/v1/servers?limit=1', { apiVersion: version })).status, 200, version);
        }
        for (const version of ['virtualserver 1.0', 'virtualserver 2.0', 'vpc 1.1', 'virtualserver1.1', null]) {
          const answer = await call(url, '/v1/servers', { apiVersion: version });
          assert.equal(answer.status, 406, String(version));
          assert.equal(errorEntry(answer).code, 'NoSuchVersion');
        }
        assert.equal((await call(url, '/v1/vpcs', { apiVersion: 'virtualserver 1.1' })).status, 406);
      });

      it('serves the version catalog at / without authentication, listing the versions it serves', async () => {
        const unsigned = ['Scp-AccessKey', 'Scp-Timestamp', 'Scp-ClientType', 'Scp-Signature', 'Scp-Api-Version'];
        const answer = await call(url, '/', { omit: unsigned });
        assert.equal(answer.status, 200);
        const versions = (JSON.parse(answer.body) as { versions: { id: string; status: string; not_before: string | null; links: unknown[] }[] }).versions;
        assert.deepEqual(
          versions.map((version) => [version.id, version.status, version.not_before]),
          [
            ['v1.1', 'DEPRECATED', '2026-05-31'],
            ['v1.2', 'SUPPORTED', '2026-08-31'],
            ['v1.3', 'CURRENT', null],
          ],
        );
        assert.equal(versions[2].links.length, 1);
        emulator.serverApiVersions = ['virtualserver 1.2', 'virtualserver 1.3'];
        try {
          const retired = await call(url, '/v1/servers', { apiVersion: 'virtualserver 1.1' });
          assert.equal(retired.status, 406);
          assert.equal(errorEntry(retired).code, 'NoSuchVersion');
          assert.equal(errorEntry(retired).status, 406);
          assert.equal((await call(url, '/v1/servers?limit=1', { apiVersion: 'virtualserver 1.3' })).status, 200);
          assert.deepEqual(
            (JSON.parse((await call(url, '/', { omit: unsigned })).body) as { versions: { id: string }[] }).versions.map((version) => version.id),
            ['v1.2', 'v1.3'],
          );
        } finally {
          emulator.serverApiVersions = ['virtualserver 1.1', 'virtualserver 1.2', 'virtualserver 1.3'];
        }
      });

      it('shows one server as the bare object, 404 errors[] when unknown', async () => {
        const answer = await call(url, `/v1/servers/${FIXTURES.web01.id}`);
        assert.equal(answer.status, 200);
        assert.deepEqual(JSON.parse(answer.body), JSON.parse(JSON.stringify(emulator.servers[0])));
        const missing = await call(url, '/v1/servers/00000000-0000-4000-8000-000000000000');
        assert.equal(missing.status, 404);
        assert.equal(errorEntry(missing).code, 'NotFound');
      });

      it('answers unknown paths with the Spring 404 and other methods with 405', async () => {
        const unknown = await call(url, '/v1/server?limit=1');
        assert.equal(unknown.status, 404);
        assert.equal((JSON.parse(unknown.body) as { error: string }).error, 'Not Found');
        const post = await call(url, '/v1/servers', { method: 'POST' });
        assert.equal(post.status, 405);
        assert.equal(errorEntry(post).code, 'MethodNotAllowed');
      });
    });

    describe('GET /v1/servers filters', () => {
      const cases: { title: string; query: [string, string][]; keep: (server: Server) => boolean; atLeast: number }[] = [
        { title: 'name, case-insensitive substring', query: [['name', 'WEB']], keep: (s) => s.name.toLowerCase().includes('web'), atLeast: 5 },
        { title: 'name in Korean', query: [['name', '웹서버']], keep: (s) => s.name.includes('웹서버'), atLeast: 3 },
        { title: 'name with +', query: [['name', 'build+test']], keep: (s) => s.name.includes('build+test'), atLeast: 1 },
        { title: 'name with &', query: [['name', 'r&d']], keep: (s) => s.name.toLowerCase().includes('r&d'), atLeast: 1 },
        { title: 'name with %', query: [['name', '100%']], keep: (s) => s.name.includes('100%'), atLeast: 1 },
        { title: 'name with # and ()', query: [['name', '#3 (임시)']], keep: (s) => s.name.includes('#3 (임시)'), atLeast: 1 },
        { title: 'ip, exact', query: [['ip', '10.10.1.11']], keep: (s) => ipsOf(s).some((ip) => ip.startsWith('10.10.1.11')), atLeast: 1 },
        { title: 'ip, prefix', query: [['ip', '10.20.']], keep: (s) => ipsOf(s).some((ip) => ip.startsWith('10.20.')), atLeast: 10 },
        { title: 'ip, IPv6', query: [['ip', 'fd00:10:10:1::11']], keep: (s) => ipsOf(s).includes('fd00:10:10:1::11'), atLeast: 1 },
        { title: 'state', query: [['state', 'SHUTOFF']], keep: (s) => s.state === 'SHUTOFF', atLeast: 5 },
        { title: 'unknown state', query: [['state', UNKNOWN_STATE]], keep: (s) => s.state === UNKNOWN_STATE, atLeast: 1 },
        { title: 'product_category', query: [['product_category', 'container']], keep: (s) => s.product_category === 'container', atLeast: 3 },
        {
          title: 'product_offering repeated (any of)',
          query: [['product_offering', 'gpu_server'], ['product_offering', 'k8s_gpu_vm']],
          keep: (s) => s.product_offering === 'gpu_server' || s.product_offering === 'k8s_gpu_vm',
          atLeast: 2,
        },
        { title: 'vpc_id', query: [['vpc_id', VPC_IDS.production]], keep: (s) => s.vpc_id === VPC_IDS.production, atLeast: 20 },
        { title: 'vpc_id of a VPC missing from the list', query: [['vpc_id', VPC_IDS.missing]], keep: (s) => s.vpc_id === VPC_IDS.missing, atLeast: 1 },
        { title: 'server_type_id', query: [['server_type_id', 'g1v16m128']], keep: (s) => s.server_type.id === 'g1v16m128', atLeast: 1 },
        {
          title: 'several filters together',
          query: [['state', 'ACTIVE'], ['vpc_id', VPC_IDS.development], ['product_category', 'compute']],
          keep: (s) => s.state === 'ACTIVE' && s.vpc_id === VPC_IDS.development && s.product_category === 'compute',
          atLeast: 5,
        },
      ];
      for (const { title, query, keep, atLeast } of cases) {
        it(title, async () => {
          const got = ids(serversOf(await call(url, serversTarget([...query, ['limit', '10000']]))));
          const expected = expectedIds(emulator.servers, keep);
          assert.ok(expected.length >= atLeast, `the dataset has ${expected.length} matches`);
          assert.ok(expected.length < emulator.servers.length, 'the filter filters');
          assert.deepEqual(got, expected);
        });
      }

      it('auto_scaling_group_id, with ties on created_at broken by id', async () => {
        emulator.servers.reverse(); // so that keeping the array order would give B before A
        const got = ids(serversOf(await call(url, serversTarget([['auto_scaling_group_id', FIXTURE_AUTO_SCALING_GROUP_ID]]))));
        assert.deepEqual(got, [FIXTURES.workerA.id, FIXTURES.workerB.id]);
      });

      it('reads + in a raw query as a space (Go rules)', async () => {
        const answer = await call(url, '/v1/servers?name=build+test');
        assert.deepEqual(serversOf(answer), []);
        assert.deepEqual(emulator.requests[0].query, [['name', 'build test']]);
      });
    });

    describe('GET /v1/servers sort and paging', () => {
      const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
      const sorts: { sort: string; order: (a: Server, b: Server) => number }[] = [
        { sort: 'created_at:desc', order: byDefaultOrder },
        { sort: 'created_at', order: (a, b) => utcMs(a.created_at) - utcMs(b.created_at) || text(a.id, b.id) },
        { sort: 'name', order: (a, b) => text(a.name, b.name) || text(a.id, b.id) },
        { sort: 'state:asc,name:desc', order: (a, b) => text(a.state, b.state) || text(b.name, a.name) || text(a.id, b.id) },
        { sort: 'server_type:desc,modified_at:asc', order: (a, b) => text(b.server_type.name, a.server_type.name) || utcMs(a.modified_at) - utcMs(b.modified_at) || text(a.id, b.id) },
        { sort: 'id:desc', order: (a, b) => text(b.id, a.id) },
      ];
      for (const { sort, order } of sorts) {
        it(`sorts by ${sort}`, async () => {
          const got = ids(serversOf(await call(url, serversTarget([['sort', sort], ['limit', '10000']]))));
          assert.deepEqual(got, expectedIds(emulator.servers, () => true, order));
        });
      }

      it('sorts by created_at:desc by default and pages by 20 by default', async () => {
        const got = ids(serversOf(await call(url, '/v1/servers')));
        assert.deepEqual(got, expectedIds(emulator.servers, () => true).slice(0, 20));
      });

      it('pages to the end with limit 7: every matching server once, in order', async () => {
        for (const filter of [[], [['vpc_id', VPC_IDS.production], ['sort', 'name:asc']]] as [string, string][][]) {
          const whole = ids(serversOf(await call(url, serversTarget([...filter, ['limit', '10000']]))));
          const { servers, pages } = await walk(url, filter, 7);
          assert.deepEqual(ids(servers), whole);
          assert.equal(new Set(ids(servers)).size, whole.length);
          assert.equal(pages, Math.floor(whole.length / 7) + 1);
        }
      });

      it('pages 50,000 servers (limit 1000)', async function () {
        this.timeout(30000);
        await emulator.stop();
        emulator = new ScpEmulator({ serverCount: 50000, seed: 42 });
        url = await emulator.start();
        // How fast is for `npm run bench`; here: every server once, in 51 pages.
        const { servers, pages } = await walk(url, [['sort', 'name:asc']], 1000);
        assert.equal(servers.length, 50000);
        assert.equal(new Set(ids(servers)).size, 50000);
        assert.equal(pages, 51);
      });

      it('sees data changes on the next first page', async () => {
        const before = ids(serversOf(await call(url, '/v1/servers?state=SHUTOFF&limit=10000')));
        assert.ok(!before.includes(FIXTURES.web01.id));
        emulator.servers[0].state = 'SHUTOFF';
        const after = ids(serversOf(await call(url, '/v1/servers?state=SHUTOFF&limit=10000')));
        assert.deepEqual(after, [...before, FIXTURES.web01.id].sort((a, b) => byDefaultOrder(byId(a), byId(b))));
        // Up to 5,000 servers, a change in the middle of a paging walk shows on the very next page.
        const first = serversOf(await call(url, '/v1/servers?sort=name&limit=5'));
        const moved = emulator.servers.find((server) => server.id === first[0].id) as Server;
        moved.name = '\uffff-renamed';
        const second = serversOf(await call(url, `/v1/servers?sort=name&limit=1000&marker=${first[4].id}`));
        assert.equal(second[second.length - 1].id, moved.id);
        emulator.servers = emulator.servers.slice(0, 10);
        assert.equal(serversOf(await call(url, '/v1/servers?limit=10000')).length, 10);

        function byId(id: string): Server {
          return emulator.servers.find((server) => server.id === id) as Server;
        }
      });

      it('answers 400 for a marker not in the current listing', async () => {
        const unknown = await call(url, serversTarget([['marker', 'no-such-id']]));
        assert.equal(unknown.status, 400);
        assert.equal(errorEntry(unknown).code, 'InvalidParameter');
        // A real id, but filtered out of this listing.
        const filteredOut = await call(url, serversTarget([['state', 'ACTIVE'], ['marker', FIXTURES.dbPrimary.id]]));
        assert.equal(filteredOut.status, 400);
      });

      it('answers 400 for bad limits, enums, sorts, unknown or repeated keys, bad escapes', async () => {
        const bad: string[] = [
          ...['0', '10001', '-1', '1.5', 'abc', '', '1e3'].map((limit) => `/v1/servers?limit=${limit}`),
          '/v1/servers?product_category=vm',
          '/v1/servers?product_offering=k8s_vm&product_offering=baremetal',
          '/v1/servers?sort=size',
          '/v1/servers?sort=name:up',
          '/v1/servers?sort=name,',
          '/v1/servers?color=blue',
          '/v1/servers?name=a&name=b',
          '/v1/servers?name=%zz',
          '/v1/servers?name=a;limit=1',
        ];
        for (const target of bad) {
          const answer = await call(url, target);
          assert.equal(answer.status, 400, target);
          assert.ok(errorEntry(answer).detail.length > 0);
        }
        assert.equal(serversOf(await call(url, '/v1/servers?limit=10000')).length, 300);
      });
    });

    describe('GET /v1/vpcs', () => {
      it('lists VPCs with count, filters by name and pages', async () => {
        const all = await call(url, '/v1/vpcs?limit=100&with_count=true');
        assert.equal(all.status, 200);
        const body = JSON.parse(all.body) as { count: number; vpcs: { id: string; name: string; cidr: string; state: string }[] };
        assert.equal(body.count, 6);
        assert.equal(body.vpcs.length, 6);
        assert.ok(body.vpcs.every((vpc) => vpc.id && vpc.name && vpc.cidr && vpc.state));
        assert.ok(!body.vpcs.some((vpc) => vpc.id === VPC_IDS.missing));
        const named = JSON.parse((await call(url, `/v1/vpcs?name=${goEscape('VPC')}`)).body) as { vpcs: { name: string }[]; count?: number };
        assert.deepEqual(named.vpcs.map((vpc) => vpc.name).sort(), ['dmz-vpc', '개발 VPC', '운영-VPC']);
        assert.equal(named.count, undefined);
        const first = JSON.parse((await call(url, '/v1/vpcs?limit=4')).body) as { vpcs: { id: string }[] };
        const second = JSON.parse((await call(url, `/v1/vpcs?limit=4&marker=${first.vpcs[3].id}`)).body) as { vpcs: { id: string }[] };
        assert.deepEqual([...first.vpcs, ...second.vpcs].map((vpc) => vpc.id), body.vpcs.map((vpc) => vpc.id));
        assert.equal((await call(url, '/v1/vpcs?marker=nope')).status, 400);
        assert.equal((await call(url, '/v1/vpcs?with_count=yes')).status, 400);
      });
    });

    describe('faults', () => {
      it('latencyMs delays every answer: a later request without it is answered first', async () => {
        const answered: string[] = [];
        emulator.faults.latencyMs = 300;
        const delayed = call(url, '/v1/servers?limit=1', { secretKey: 'wrong' }).then((answer) => answered.push(`delayed ${answer.status}`));
        for (let i = 0; i < 100 && emulator.requests.length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        emulator.faults.latencyMs = 0;
        await call(url, '/v1/servers?limit=1').then((answer) => answered.push(`prompt ${answer.status}`));
        await delayed;
        assert.deepEqual(answered, ['prompt 200', 'delayed 401']);
      });

      it('burstLimit: the request over N within the window gets the WAF page, the catalog included', async () => {
        emulator.faults.burstLimit = { requests: 3, windowMs: 600_000 };
        const statuses: number[] = [];
        for (const target of ['/v1/servers?limit=1', '/v1/vpcs', '/', '/v1/servers?limit=1']) {
          statuses.push((await call(url, target)).status);
        }
        assert.deepEqual(statuses, [200, 200, 200, 417]);
        const waf = await call(url, '/');
        assert.equal(waf.status, 417);
        assert.match(waf.body, /Request Rejected/);
        assert.equal(emulator.requests.at(-1)?.fault, 'burstLimit');
        emulator.resetFaults();
        assert.equal((await call(url, '/v1/servers?limit=1')).status, 200);
      });

      it('limitCap: pages hold at most N items whatever limit asks; catalogUnavailable: / answers 404', async () => {
        emulator.faults.limitCap = 4;
        assert.equal(serversOf(await call(url, '/v1/servers?limit=10')).length, 4);
        assert.equal(serversOf(await call(url, '/v1/servers?limit=3')).length, 3);
        emulator.faults.catalogUnavailable = true;
        assert.equal((await call(url, '/')).status, 404);
      });

      it('failEvery: every 3rd request, at most once, with Retry-After', async () => {
        emulator.faults.failEvery = { n: 3, status: 503, retryAfterSeconds: 2, count: 1 };
        const statuses: number[] = [];
        let failed: Answer | undefined;
        for (let i = 0; i < 7; i++) {
          const answer = await call(url, '/v1/servers?limit=1');
          statuses.push(answer.status);
          failed = answer.status === 503 ? answer : failed;
        }
        assert.deepEqual(statuses, [200, 200, 503, 200, 200, 200, 200]);
        assert.equal(failed?.headers['retry-after'], '2');
        assert.equal(errorEntry(failed as Answer).code, 'ServiceUnavailable');
        assert.equal(emulator.requests[2].fault, 'failEvery');
        emulator.faults.failEvery = { n: 1, status: 400, body: 'errorsDetailString' };
        const detailString = errorEntry(await call(url, '/v1/servers'));
        assert.equal(typeof detailString.detail, 'string');
        assert.equal(detailString.code, 'InvalidParameter');
      });

      it('failEvery: 417 WAF page, 429, and aiming at one path', async () => {
        emulator.faults.failEvery = { n: 1, status: 417, path: '/v1/servers' };
        const waf = await call(url, '/v1/servers');
        assert.equal(waf.status, 417);
        assert.match(String(waf.headers['content-type']), /text\/html/);
        assert.match(waf.body, /Request Rejected/);
        assert.equal((await call(url, '/v1/vpcs')).status, 200);
        emulator.faults.failEvery = { n: 1, status: 429, retryAfterSeconds: 1, body: 'text', path: '/v1/vpcs' };
        const limited = await call(url, '/v1/vpcs');
        assert.equal(limited.status, 429);
        assert.equal(limited.headers['retry-after'], '1');
        assert.equal((await call(url, '/v1/servers?limit=1')).status, 200);
        emulator.resetFaults();
        assert.equal((await call(url, '/v1/vpcs')).status, 200);
      });

      it('malformedJson, notJson and missingServersKey answer 200 with an unusable body', async () => {
        emulator.faults.malformedJson = true;
        const truncated = await call(url, '/v1/servers?limit=3');
        assert.equal(truncated.status, 200);
        assert.throws(() => JSON.parse(truncated.body));
        emulator.resetFaults();
        emulator.faults.notJson = true;
        const html = await call(url, '/v1/servers?limit=3');
        assert.equal(html.status, 200);
        assert.match(String(html.headers['content-type']), /text\/html/);
        emulator.resetFaults();
        emulator.faults.missingServersKey = true;
        assert.equal((await call(url, '/v1/servers?limit=3')).body, '{}');
        assert.equal((await call(url, '/v1/vpcs')).status, 200);
      });

      it('loopingMarker answers the first page again; oversizePage answers limit + 5', async () => {
        const first = ids(serversOf(await call(url, '/v1/servers?limit=7')));
        emulator.faults.loopingMarker = true;
        assert.deepEqual(ids(serversOf(await call(url, `/v1/servers?limit=7&marker=${first[6]}`))), first);
        assert.deepEqual(ids(serversOf(await call(url, '/v1/servers?limit=7&marker=not-even-an-id'))), first);
        emulator.resetFaults();
        emulator.faults.oversizePage = true;
        assert.equal(serversOf(await call(url, '/v1/servers?limit=7')).length, 12);
      });

      it('resetMidBody cuts the connection after half the body', async () => {
        emulator.faults.resetMidBody = true;
        await assert.rejects(call(url, '/v1/servers?limit=50'));
        assert.equal(emulator.requests[0].fault, 'resetMidBody');
        emulator.resetFaults();
        assert.equal((await call(url, '/v1/servers?limit=50')).status, 200);
      });

      it('hang never answers, and stop() still ends it promptly', async () => {
        emulator.faults.hang = true;
        const pending = call(url, '/v1/servers');
        const outcome = pending.then(
          () => 'answered',
          () => 'failed',
        );
        for (let i = 0; i < 100 && emulator.requests.length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        assert.equal(emulator.requests.length, 1);
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(emulator.requests[0].status, 0);
        await emulator.stop();
        assert.equal(await outcome, 'failed');
        assert.throws(() => emulator.url, /not running/);
      });

      it('stop() closes kept-alive sockets and delayed requests', async () => {
        const agent = new http.Agent({ keepAlive: true });
        try {
          assert.equal((await call(url, '/v1/servers?limit=1', { agent })).status, 200);
          emulator.faults.latencyMs = 60_000;
          const delayed = call(url, '/v1/servers?limit=1', { agent }).then(
            () => 'answered',
            () => 'failed',
          );
          await new Promise((resolve) => setTimeout(resolve, 50));
          await emulator.stop();
          assert.equal(await delayed, 'failed', 'the 60 s delay was cut short');
        } finally {
          agent.destroy();
        }
      });
    });
  });

  describe('main.ts options', () => {
    it('parses the CLI flags and rejects bad ones', () => {
      assert.deepEqual(parseCliArgs(['--port', '0', '--servers', '50', '--seed', '9', '--latency', '200']), {
        port: 0,
        servers: 50,
        seed: 9,
        latencyMs: 200,
        actionDelayMs: 2000,
        authFailure: 'errors401',
        quiet: false,
      });
      assert.equal(parseCliArgs([]).port, undefined);
      assert.deepEqual(parseCliArgs(['--api-versions', '1.2,1.3', '--burst-limit', '80/60000', '--limit-cap', '100']), {
        servers: 300,
        seed: 1,
        latencyMs: 0,
        actionDelayMs: 2000,
        authFailure: 'errors401',
        quiet: false,
        apiVersions: ['virtualserver 1.2', 'virtualserver 1.3'],
        burstLimit: { requests: 80, windowMs: 60000 },
        limitCap: 100,
      });
      assert.throws(() => parseCliArgs(['--api-versions', '1.4']), /--api-versions/);
      assert.throws(() => parseCliArgs(['--burst-limit', '80']), /--burst-limit/);
      assert.equal(parseCliArgs(['--action-delay', '50']).actionDelayMs, 50);
      assert.throws(() => parseCliArgs(['--servers', 'many']), /--servers/);
      assert.throws(() => parseCliArgs(['--bogus']), /unknown option/);
    });
  });
});
