import * as assert from 'node:assert/strict';
import { configOptionsFromArgs, hostAlias, hostEntryFor, upsertHostEntry, type HostEntry } from '../../src/core/sshConfig';

const entry = (overrides: Partial<HostEntry> = {}): HostEntry => ({
  alias: 'web-01',
  hostName: '203.0.113.11',
  user: 'ubuntu',
  identityFile: '/home/me/.ssh/ops-key.pem',
  options: [],
  ...overrides,
});
const ENTRY = ['Host web-01', '    HostName 203.0.113.11', '    User ubuntu', '    IdentityFile /home/me/.ssh/ops-key.pem'].join('\n');

describe('SSH config entry', () => {
  it('makes an alias ssh accepts from any server name', () => {
    assert.equal(hostAlias('web-01', 'x'), 'web-01');
    assert.equal(hostAlias('nat gateway vm', 'x'), 'nat-gateway-vm');
    assert.equal(hostAlias('key=value?batch/1', 'x'), 'key-value-batch-1');
    assert.equal(hostAlias('웹서버-01', 'abc-def'), 'scp-abcdef');
    assert.equal(hostAlias('웹서버', '5c0e0000-0000-4000-8000-000000000001'), 'scp-5c0e00000000');
    assert.equal(hostAlias('*', 'abc'), 'scp-abc');
  });

  it('adds an entry to an empty or missing file', () => {
    assert.deepEqual(upsertHostEntry('', entry()), { text: `${ENTRY}\n`, change: 'added' });
  });

  it('appends after a blank line, leaving everything before byte for byte', () => {
    const before = '# mine\nHost *\n  ServerAliveInterval 30\n';
    const { text, change } = upsertHostEntry(before, entry());
    assert.equal(change, 'added');
    assert.equal(text, `${before}\n${ENTRY}\n`);
    assert.equal(upsertHostEntry('Host a\n  User b', entry()).text, `Host a\n  User b\n\n${ENTRY}\n`);
  });

  it('updates the entry of the same alias in place, keeping what follows and never duplicating it', () => {
    const before = ['Host first', '  User a', '', 'Host web-01', '  HostName 10.0.0.1', '  User root', '', '# next one', 'Host last', '  User z', ''].join('\n');
    const { text, change } = upsertHostEntry(before, entry());
    assert.equal(change, 'updated');
    assert.equal(text, ['Host first', '  User a', '', ENTRY, '', '# next one', 'Host last', '  User z', ''].join('\n'));
    assert.equal(text.match(/^Host web-01$/gm)?.length, 1);
    assert.deepEqual(upsertHostEntry(text, entry()), { text, change: 'unchanged' });
  });

  it('reads Host=alias and keeps CRLF line ends; a Host line with several patterns is not the entry', () => {
    const crlf = 'Host=web-01\r\n  User root\r\n';
    assert.equal(upsertHostEntry(crlf, entry()).text, `${ENTRY.replace(/\n/g, '\r\n')}\r\n`);
    const shared = 'Host web-01 web-02\n  User root\n';
    const { text, change } = upsertHostEntry(shared, entry());
    assert.equal(change, 'added');
    assert.ok(text.startsWith(shared));
  });

  it('stops an entry at a Match block', () => {
    const before = 'Host web-01\n  User root\nMatch host x\n  User y\n';
    assert.equal(upsertHostEntry(before, entry()).text, `${ENTRY}\nMatch host x\n  User y\n`);
  });

  it('writes jump host, port and -o options from the extra arguments, quoting paths with spaces', () => {
    assert.deepEqual(configOptionsFromArgs(['-J', 'bastion', '-p2222', '-o', 'StrictHostKeyChecking=no', '-A', '-v']), {
      options: [['ProxyJump', 'bastion'], ['Port', '2222'], ['StrictHostKeyChecking', 'no'], ['ForwardAgent', 'yes']],
      leftOut: ['-v'],
    });
    const made = hostEntryFor('a', { user: 'u', address: '10.0.0.1', identityFile: '/x/my key', extraArgs: ['-J', 'b'] });
    assert.equal(upsertHostEntry('', made).text, 'Host a\n    HostName 10.0.0.1\n    User u\n    IdentityFile "/x/my key"\n    ProxyJump b\n');
  });
});
