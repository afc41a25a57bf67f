import * as assert from 'node:assert/strict';
import { consoleLineSize, consoleLogPath, consoleLogText, parseConsoleLog, serverIdOfConsoleQuery, consoleLogQuery } from '../../src/core/consoleLog';
import { searchFilterFor, serverIps, serverMenuCommands, whenHolds } from '../../src/core/findServer';
import { remoteSshAuthority } from '../../src/core/remoteSsh';
import { ServerExtrasCache } from '../../src/core/serverExtrasCache';
import { parseInterfaces, publicIpsOf, type NetworkInterface } from '../../src/core/serverNetwork';
import { FIXTURES } from '../emulator/dataset';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor } from '../support/clientFactory';
import { makeServer } from '../support/serverFixtures';

describe('public IPs from interfaces', () => {
  it('reads static NAT addresses, the default interface first, skipping NATs being deleted', () => {
    const interfaces: NetworkInterface[] = [
      { is_default: false, static_nat: { external_ip_address: '198.51.100.2', state: 'ACTIVE' } },
      { is_default: true, static_nat: { external_ip_address: '198.51.100.1' } },
      { static_nat: { external_ip_address: '198.51.100.3', state: 'DELETING' } },
      { static_nat: null },
      { static_nat: { external_ip_address: '198.51.100.1' } },
    ];
    assert.deepEqual(publicIpsOf(interfaces), ['198.51.100.1', '198.51.100.2']);
  });

  it('rejects a body without an interfaces list', () => {
    assert.equal(parseInterfaces({}).ok, false);
    assert.deepEqual(parseInterfaces({ interfaces: [{ port_id: 'p' }, 'junk'] }), { ok: true, value: [{ port_id: 'p' }] });
  });
});

describe('per-connection cache of public IPs and images', () => {
  const forbidden = new Error('403');
  const make = (answers: Record<string, string[] | Error>) => {
    const calls: string[] = [];
    const cache = new ServerExtrasCache(
      {
        publicIps: async (id) => {
          calls.push(id);
          const answer = answers[id];
          if (answer instanceof Error) {
            throw answer;
          }
          return answer;
        },
        image: async (id) => {
          calls.push(`image ${id}`);
          return { id, os_distro: 'ubuntu' };
        },
      },
      (error) => error === forbidden,
    );
    return { cache, calls };
  };

  it('asks once per server, sharing a request in flight, and remembers the answer', async () => {
    const { cache, calls } = make({ a: ['203.0.113.1'], b: [] });
    assert.equal(cache.knownPublicIpsOf('a'), undefined);
    const [first, second] = await Promise.all([cache.publicIps('a'), cache.publicIps('a')]);
    assert.deepEqual(first, ['203.0.113.1']);
    assert.equal(first, second);
    await cache.publicIps('a');
    await cache.publicIps('b');
    assert.deepEqual(calls, ['a', 'b']);
    assert.deepEqual(cache.knownPublicIpsOf('a'), ['203.0.113.1']);
    await cache.image('i');
    await cache.image('i');
    assert.deepEqual(calls, ['a', 'b', 'image i']);
  });

  it('asks again after a passing failure, never again after a refusal', async () => {
    const passing = new Error('503');
    const { cache, calls } = make({ a: passing, b: forbidden, c: ['x'] });
    await assert.rejects(cache.publicIps('a'), passing);
    await assert.rejects(cache.publicIps('a'), passing);
    await assert.rejects(cache.publicIps('b'), forbidden);
    await assert.rejects(cache.publicIps('c'), forbidden);
    assert.deepEqual(calls, ['a', 'a', 'b']);
  });
});

describe('console log document', () => {
  it('names the document after the server, with the id in the query', () => {
    assert.equal(consoleLogPath({ id: 'i', name: 'a/b\u0007' }), '/a∕b console.log');
    assert.equal(serverIdOfConsoleQuery(consoleLogQuery('x&y')), 'x&y');
  });

  it('shows the output, or says there is none and why', () => {
    assert.equal(consoleLogText('boot\nlogin: ', 'ACTIVE'), 'boot\nlogin: \n');
    assert.match(consoleLogText(null, 'SHUTOFF'), /stopped \(SHUTOFF\)/);
    assert.match(consoleLogText('  ', 'ACTIVE'), /No console output yet/);
  });

  it('parses the answer and keeps the line count in range', () => {
    assert.deepEqual(parseConsoleLog({ output: null }), { ok: true, value: null });
    assert.equal(parseConsoleLog({ output: 3 }).ok, false);
    assert.equal(parseConsoleLog({}).ok, false);
    assert.deepEqual([consoleLineSize(0), consoleLineSize(50.4), consoleLineSize(1e9), consoleLineSize('x')], [1, 50, 10000, 200]);
  });
});

describe('Find Server', () => {
  it('searches SCP by IP when the text looks like an address, else by name', () => {
    assert.deepEqual(searchFilterFor(' 10.10.1. '), { key: 'ip', value: '10.10.1.' });
    assert.deepEqual(searchFilterFor('fd00::11'), { key: 'ip', value: 'fd00::11' });
    assert.deepEqual(searchFilterFor('web-01'), { key: 'name', value: 'web-01' });
    assert.deepEqual(searchFilterFor('2024'), { key: 'name', value: '2024' });
  });

  it('lists the row IP first among the private addresses', () => {
    const server = makeServer('a', {
      addresses: [{ subnet_name: 's', ip_addresses: [{ ip_address: 'fd00::1', version: 6 }, { ip_address: '10.0.0.1' }, { ip_address: '10.0.0.2' }] }],
    });
    assert.deepEqual(serverIps(server), ['10.0.0.1', 'fd00::1', '10.0.0.2']);
  });

  it('offers the context-menu commands that apply to the row, in menu order, without inline buttons', () => {
    const view = 'view == scpExplorer.servers';
    const menu = [
      { command: 'c.inline', when: `${view} && viewItem =~ /^server;/`, group: 'inline@1' },
      { command: 'c.ssh', when: `${view} && viewItem =~ /^server;.*;os-other;/`, group: '3_connect@1' },
      { command: 'c.remote', when: `${view} && viewItem =~ /^server;/ && remote`, group: '3_connect@3' },
      { command: 'c.id', when: `${view} && viewItem =~ /^server;/`, group: '1_copy@1' },
      { command: 'c.vpc', when: `${view} && viewItem =~ /^vpc;/`, group: '1_copy@1' },
      { command: 'c.other', when: `view == other && viewItem =~ /^server;/`, group: '1_copy@2' },
    ];
    assert.deepEqual(serverMenuCommands(menu, 'scpExplorer.servers', 'server;state-running;hasIp;os-other;', { remote: false }), ['c.id', 'c.ssh']);
    assert.deepEqual(serverMenuCommands(menu, 'scpExplorer.servers', 'server;state-running;hasIp;os-windows;', { remote: true }), ['c.id', 'c.remote']);
    assert.ok(!whenHolds('unknownKey', 'v', 'x', {}));
    assert.ok(whenHolds('!remote', 'v', 'x', { remote: false }));
  });
});

describe('Remote-SSH authority', () => {
  it('names a Host of the SSH config, or carries address and user hex-encoded', () => {
    assert.equal(remoteSshAuthority({ address: '10.0.0.1', user: 'u' }, 'web-01'), 'ssh-remote+web-01');
    const hex = remoteSshAuthority({ address: '10.0.0.1', user: 'ubuntu' }).slice('ssh-remote+'.length);
    assert.deepEqual(JSON.parse(Buffer.from(hex, 'hex').toString('utf8')), { hostName: '10.0.0.1', user: 'ubuntu' });
  });
});

describe('per-server reads against the emulator', function () {
  this.timeout(30_000);
  const emulator = new ScpEmulator({ serverCount: 100, seed: 3 });
  before(() => emulator.start());
  after(() => emulator.stop());

  it('reads public IPs, images and console logs, signed like every call', async () => {
    const { client } = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    assert.deepEqual(publicIpsOf(await client.listInterfaces(FIXTURES.web01.id)), ['203.0.113.11']);
    assert.deepEqual(publicIpsOf(await client.listInterfaces(FIXTURES.web02.id)), []);
    const image = await client.getImage(emulator.servers[0].image_id ?? '');
    assert.equal(image.os_distro, 'ubuntu');
    const log = await client.getConsoleLog(FIXTURES.web01.id, 2);
    assert.equal(log?.split('\n').length, 2);
    assert.match(log ?? '', /웹서버-01 login:/);
    assert.equal(await client.getConsoleLog(FIXTURES.dbPrimary.id, 10), null);
    const paths = emulator.requests.map((request) => `${request.path}${request.signatureVerified ? '' : ' UNSIGNED'}`);
    assert.ok(paths.every((path) => !path.endsWith('UNSIGNED')), paths.join(', '));
    assert.ok(emulator.requests.some((request) => request.rawTarget.endsWith('/console-log?line_size=2')));
  });

  it('gives some bulk servers a public IP, the same for the same seed', async () => {
    const { client } = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    const bulk = emulator.servers.slice(30, 60).filter((server) => server.state === 'ACTIVE');
    const ips = await Promise.all(bulk.map(async (server) => publicIpsOf(await client.listInterfaces(server.id))));
    const withIp = ips.filter((list) => list.length > 0).length;
    assert.ok(withIp > 0 && withIp < bulk.length, `${withIp} of ${bulk.length}`);
    const again = new ScpEmulator({ serverCount: 100, seed: 3 });
    assert.deepEqual(bulk.map((server) => again.reads.publicIpOf(server)), ips.map((list) => list[0] ?? null));
  });

  it('answers 403 on interfaces when told to, and 400 for a bad line_size', async () => {
    const { client } = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    emulator.reads.forbidInterfaces = true;
    try {
      await assert.rejects(client.listInterfaces(FIXTURES.web01.id), (error: { kind?: string }) => error.kind === 'forbidden');
    } finally {
      emulator.reads.forbidInterfaces = false;
    }
    await assert.rejects(client.getConsoleLog(FIXTURES.web01.id, 0), (error: { kind?: string }) => error.kind === 'badRequest');
  });
});
