import * as assert from 'node:assert/strict';
import { serverContextValue } from '../../src/core/contextValues';
import { parseServerPage } from '../../src/core/responseParsing';
import { allIps, describeServerType, parseScpTimestamp, primaryIp } from '../../src/core/serverFacts';
import { escapeMarkdown, serverTooltipMarkdown } from '../../src/core/serverTooltip';
import { makeServer } from '../support/serverFixtures';

const multiHomed = makeServer('m', {
  addresses: [
    { subnet_name: 'public', ip_addresses: [{ ip_address: '203.0.113.7', version: 4 }] },
    { subnet_name: 'private', ip_addresses: [{ ip_address: 'fd00::5', version: 6 }, { ip_address: '10.0.1.5', version: 4 }] },
  ],
});

describe('server facts', () => {
  it('lists every IP with its subnet and prefers a private IPv4 for the row', () => {
    assert.deepEqual(allIps(multiHomed).map((ip) => `${ip.subnet}:${ip.ip}`), ['public:203.0.113.7', 'private:fd00::5', 'private:10.0.1.5']);
    assert.equal(primaryIp(multiHomed), '10.0.1.5');
    assert.equal(primaryIp(makeServer('n', { addresses: null })), undefined);
    assert.equal(primaryIp(makeServer('v6', { addresses: [{ subnet_name: 's', ip_addresses: [{ ip_address: '2001:db8::1' }] }] })), '2001:db8::1');
  });

  it('reads timestamps without a zone as UTC', () => {
    assert.equal(parseScpTimestamp('2026-01-02T03:04:05')?.toISOString(), '2026-01-02T03:04:05.000Z');
    assert.equal(parseScpTimestamp('2026-01-02T03:04:05+09:00')?.toISOString(), '2026-01-01T18:04:05.000Z');
    assert.equal(parseScpTimestamp('garbage'), undefined);
  });

  it('describes the server type in GB', () => {
    assert.equal(describeServerType(makeServer('t')), 's1v2m4 · 2 vCPU · 4 GB RAM');
  });

  it('builds a tooltip with every IP and escapes Markdown in names', () => {
    const tooltip = serverTooltipMarkdown({ ...multiHomed, name: '[click](evil) *x*' }, { vpcName: 'prod' });
    assert.match(tooltip, /\\\[click\\\]\\\(evil\\\) \\\*x\\\*/);
    assert.match(tooltip, /IP \(public\) \| 203\\\.0\\\.113\\\.7/);
    assert.match(tooltip, /IP \(private\) \| 10\\\.0\\\.1\\\.5/);
    assert.equal(escapeMarkdown('a_b'), 'a\\_b');
  });

  it('puts state category, IP presence, the actions the server offers and Windows or not into the context value', () => {
    assert.equal(serverContextValue(multiHomed), 'server;state-running;hasIp;os-other;can-stop;can-reboot;can-hardReboot;can-lock;');
    assert.equal(serverContextValue(makeServer('x', { state: 'SHUTOFF', locked: true })), 'server;state-stopped;noIp;locked;os-other;can-unlock;');
    assert.equal(serverContextValue(makeServer('w', { state: 'SHUTOFF' })), 'server;state-stopped;noIp;os-other;can-start;can-lock;');
    assert.equal(serverContextValue(makeServer('y', { state: 'NEW' })), 'server;state-unknown;noIp;os-other;can-lock;');
    assert.equal(serverContextValue(makeServer('z'), 'stop'), 'server;state-running;noIp;os-other;busy;', 'nothing while an action runs');
    assert.equal(serverContextValue(makeServer('v', { planned_compute_os_type: 'windows' })), 'server;state-running;noIp;os-windows;can-stop;can-reboot;can-hardReboot;can-lock;');
  });
});

describe('response shape checks', () => {
  it('gives a next marker only for a full page', () => {
    const full = parseServerPage({ servers: [makeServer('a'), makeServer('b')] }, 2);
    assert.ok(full.ok && full.value.nextMarker === 'b');
    const short = parseServerPage({ servers: [makeServer('a')] }, 2);
    assert.ok(short.ok && short.value.nextMarker === undefined);
    const empty = parseServerPage({ servers: [] }, 2);
    assert.ok(empty.ok && empty.value.nextMarker === undefined);
  });

  it('rejects bodies without servers or with servers lacking an id, and fills a missing name and state', () => {
    assert.equal(parseServerPage({}, 2).ok, false);
    assert.equal(parseServerPage({ servers: [{ name: 'x' }] }, 2).ok, false);
    const odd = parseServerPage({ servers: [{ id: 'x', name: null, state: null }] }, 2);
    assert.ok(odd.ok);
    assert.equal(odd.value.servers[0].name, '');
    assert.equal(odd.value.servers[0].state, 'UNKNOWN');
  });
});
