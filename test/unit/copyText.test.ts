import * as assert from 'node:assert/strict';
import { copiedMessage, copyText, ipChoices } from '../../src/core/copyText';
import { makeServer } from '../support/serverFixtures';

const one = makeServer('id-1', { name: '웹서버-01', addresses: [{ subnet_name: 'web', ip_addresses: [{ ip_address: '10.10.1.11', version: 4 }] }] });
const multi = makeServer('id-2', {
  name: 'nat',
  addresses: [
    { subnet_name: 'dmz-subnet', ip_addresses: [{ ip_address: '203.0.113.5', version: 4 }, { ip_address: 'fd00::5', version: 6 }] },
    { subnet_name: 'mgmt', ip_addresses: [{ ip_address: '10.0.0.5', version: 4 }] },
  ],
});
const none = makeServer('id-3', { name: 'building', addresses: null });

describe('copy text', () => {
  it('copies the value of one server', () => {
    assert.equal(copyText([one], 'id').text, 'id-1');
    assert.equal(copyText([one], 'name').text, '웹서버-01');
    assert.equal(copyText([one], 'ip').text, '10.10.1.11');
    assert.equal(copyText([one], 'json').text, JSON.stringify(one, null, 2));
  });

  it('copies one line per server for several, JSON as JSON Lines', () => {
    assert.equal(copyText([one, multi, none], 'id').text, 'id-1\nid-2\nid-3');
    assert.equal(copyText([one, multi], 'name').text, '웹서버-01\nnat');
    const lines = copyText([one, multi], 'json').text.split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((line) => JSON.parse(line) as unknown), [one, multi]);
  });

  it('copies the row IP of each server and counts those without one', () => {
    const result = copyText([one, none, multi], 'ip');
    assert.deepEqual(result, { text: '10.10.1.11\n10.0.0.5', copied: 2, skipped: 1 });
    assert.equal(copiedMessage('IP addresses', result), 'Copied IP addresses of 2 servers (1 without one)');
  });

  it('offers every address with its subnet, then all of them', () => {
    assert.deepEqual(ipChoices(one), [{ label: '10.10.1.11', description: 'web', text: '10.10.1.11' }]);
    assert.deepEqual(ipChoices(none), []);
    assert.deepEqual(ipChoices(multi), [
      { label: '203.0.113.5', description: 'dmz-subnet', text: '203.0.113.5' },
      { label: 'fd00::5', description: 'dmz-subnet · IPv6', text: 'fd00::5' },
      { label: '10.0.0.5', description: 'mgmt', text: '10.0.0.5' },
      { label: 'All addresses', description: '3 addresses, one per line', text: '203.0.113.5\nfd00::5\n10.0.0.5' },
    ]);
  });

  it('confirms what was copied', () => {
    assert.equal(copiedMessage('ID', copyText([one], 'id'), one.name), 'Copied ID of 웹서버-01');
    assert.equal(copiedMessage('ID', copyText([one, multi], 'id'), one.name), 'Copied ID of 2 servers');
  });
});
