// The real client (axios, Go-style query, signing, retries) against the emulator over real HTTP on 127.0.0.1.
import * as assert from 'node:assert/strict';
import type { Server, ServerFilters } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor, type TestClient } from '../support/clientFactory';

const demoKey = { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY };

async function pageToEnd(test: TestClient, filters: ServerFilters, limit: number): Promise<Server[]> {
  const all: Server[] = [];
  let marker: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await test.client.listServers(filters, { limit, marker });
    all.push(...page.servers);
    if (!page.nextMarker) {
      return all;
    }
    marker = page.nextMarker;
  }
  assert.fail('paging did not end');
}

describe('SCP client against the emulator', function () {
  this.timeout(30_000);
  let emulator: ScpEmulator;
  let test: TestClient;

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 300, seed: 11 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
    test = clientFor(emulator.url, demoKey);
  });

  it('sends on the wire byte-for-byte the URL it signed (raw request line)', async () => {
    const filters: ServerFilters = {
      name: '웹 a+b&c%',
      ip: '10.0.',
      product_offering: ['virtual_server', 'gpu_server'],
      sort: 'name:asc,created_at:desc',
    };
    await test.client.listServers(filters, { limit: 5 });
    assert.equal(emulator.requests.length, 1);
    const request = emulator.requests[0];
    assert.equal(request.status, 200, 'the emulator verified the signature over the raw target');
    assert.equal(`${emulator.url}${request.rawTarget}`, test.sent[0]);
    assert.equal(
      request.rawTarget,
      '/v1/servers?ip=10.0.&limit=5&name=%EC%9B%B9+a%2Bb%26c%25&product_offering=virtual_server&product_offering=gpu_server&sort=name%3Aasc%2Ccreated_at%3Adesc',
    );
  });

  it('sends the version, language, accept and client headers', async () => {
    await test.client.listServers({}, { limit: 1 });
    const request = emulator.requests[0];
    assert.equal(request.apiVersion, 'virtualserver 1.1');
    assert.equal(request.accessKey, DEMO_ACCESS_KEY);
  });

  const filterCases: [string, ServerFilters, (server: Server) => boolean][] = [
    ['state', { state: 'SHUTOFF' }, (s) => s.state === 'SHUTOFF'],
    ['product_category', { product_category: 'container' }, (s) => s.product_category === 'container'],
    ['product_offering (two values)', { product_offering: ['gpu_server', 'k8s_vm'] }, (s) => ['gpu_server', 'k8s_vm'].includes(s.product_offering ?? '')],
    ['server_type_id', { server_type_id: 's1v2m4' }, (s) => s.server_type.id === 's1v2m4'],
    ['name (substring, case-insensitive)', { name: 'WEB' }, (s) => s.name.toLowerCase().includes('web')],
  ];
  for (const [what, filters, matches] of filterCases) {
    it(`filters by ${what} on the server`, async () => {
      const got = await pageToEnd(test, filters, 1000);
      const expected = emulator.servers.filter(matches).map((s) => s.id).sort();
      assert.ok(expected.length > 0, 'the dataset has matching servers');
      assert.deepEqual(got.map((s) => s.id).sort(), expected);
    });
  }

  it('filters by vpc_id and auto_scaling_group_id', async () => {
    const vpcId = emulator.servers.find((s) => s.vpc_id)?.vpc_id ?? '';
    const byVpc = await pageToEnd(test, { vpc_id: vpcId }, 1000);
    assert.deepEqual(byVpc.map((s) => s.id).sort(), emulator.servers.filter((s) => s.vpc_id === vpcId).map((s) => s.id).sort());
    const asg = emulator.servers.find((s) => s.auto_scaling_group_id)?.auto_scaling_group_id ?? '';
    const byAsg = await pageToEnd(test, { auto_scaling_group_id: asg }, 1000);
    assert.ok(byAsg.length > 0);
    assert.ok(byAsg.every((s) => s.auto_scaling_group_id === asg));
  });

  it('pages to the end with no duplicate and no gap, in the sort order', async () => {
    const paged = await pageToEnd(test, { sort: 'name:asc' }, 7);
    const whole = await test.client.listServers({ sort: 'name:asc' }, { limit: 1000 });
    assert.equal(paged.length, emulator.servers.length);
    assert.deepEqual(paged.map((s) => s.id), whole.servers.map((s) => s.id));
    assert.equal(whole.nextMarker, undefined, 'a short page is the last');
    const markers = emulator.requests.filter((r) => r.path === '/v1/servers').map((r) => r.query.find(([k]) => k === 'marker')?.[1]);
    assert.equal(markers[0], undefined);
    assert.equal(markers[1], paged[6].id);
  });

  it('gets one server and lists every VPC', async () => {
    const target = emulator.servers[3];
    const server = await test.client.getServer(target.id);
    assert.equal(server.id, target.id);
    assert.equal(server.name, target.name);
    const vpcs = await test.client.listVpcs();
    assert.deepEqual(vpcs.map((v) => v.id).sort(), emulator.vpcs.map((v) => v.id).sort());
    assert.equal(emulator.requests.find((r) => r.path === '/v1/vpcs')?.apiVersion, 'vpc 1.1');
  });
});
