import * as assert from 'node:assert/strict';
import {
  chooseAddress,
  checkTarget,
  globMatches,
  identityFileFor,
  isIpLiteral,
  isWindowsServer,
  resolveUser,
  shellQuote,
  sshArgs,
  sshCommandText,
} from '../../src/core/sshCommand';
import { makeServer } from '../support/serverFixtures';

const withIp = (ip: string, overrides = {}) => makeServer('s1', { name: 'web-01', addresses: [{ subnet_name: 'a', ip_addresses: [{ ip_address: ip }] }], ...overrides });

describe('ssh command', () => {
  describe('address', () => {
    it('takes the public IP when preferred and known, else the private one', () => {
      assert.deepEqual(chooseAddress(withIp('10.0.0.5'), ['203.0.113.9'], 'public'), { address: '203.0.113.9', kind: 'public' });
      assert.deepEqual(chooseAddress(withIp('10.0.0.5'), [], 'public'), { address: '10.0.0.5', kind: 'private' });
      assert.deepEqual(chooseAddress(withIp('10.0.0.5'), ['203.0.113.9'], 'private'), { address: '10.0.0.5', kind: 'private' });
    });

    it('falls back to the public IP for a server without private addresses, and to nothing', () => {
      const bare = makeServer('s2', { addresses: null });
      assert.deepEqual(chooseAddress(bare, ['203.0.113.9'], 'private'), { address: '203.0.113.9', kind: 'public' });
      assert.equal(chooseAddress(bare, [], 'public'), undefined);
    });
  });

  describe('user', () => {
    const server = withIp('10.0.0.5');
    it('prefers a name pattern of the setting, then the OS entry, then what was answered, then the OS default', () => {
      assert.deepEqual(resolveUser(server, 'ubuntu', { 'web-*': 'deploy', ubuntu: 'admin' }, 'asked'), { user: 'deploy', source: 'setting' });
      assert.deepEqual(resolveUser(server, 'ubuntu', { 'db-*': 'x', ubuntu: 'admin' }, 'asked'), { user: 'admin', source: 'setting' });
      assert.deepEqual(resolveUser(server, 'ubuntu', {}, 'asked'), { user: 'asked', source: 'remembered' });
      assert.deepEqual(resolveUser(server, 'Ubuntu', {}, undefined), { user: 'ubuntu', source: 'os' });
      assert.deepEqual(resolveUser(server, 'rocky', {}, undefined), { user: 'rocky', source: 'os' });
      assert.deepEqual(resolveUser(server, 'rhel', {}, undefined), { user: 'root', source: 'os' });
    });

    it('is unknown without an OS, suggesting root; invalid users in the setting are ignored', () => {
      assert.deepEqual(resolveUser(server, undefined, {}, undefined), { user: 'root', source: 'unknown' });
      assert.deepEqual(resolveUser(server, 'ubuntu', { 'web-*': '-oProxyCommand=x' }, undefined), { user: 'ubuntu', source: 'os' });
    });

    it('matches globs on the whole name', () => {
      assert.ok(globMatches('web-*', 'web-01'));
      assert.ok(globMatches('db-??', 'db-01'));
      assert.ok(!globMatches('db-??', 'db-001'));
      assert.ok(!globMatches('web', 'web-01'));
      assert.ok(globMatches('a.b(c)', 'a.b(c)'));
    });
  });

  describe('key file', () => {
    const home = '/home/me';
    it('uses the setting, else ~/.ssh/<keypair>.pem, else ~/.ssh/<keypair>, else none', () => {
      const files = new Set(['/home/me/.ssh/ops-key.pem', '/home/me/.ssh/dev-key']);
      const exists = (file: string): boolean => files.has(file);
      assert.deepEqual(identityFileFor('ops-key', { 'ops-key': '~/keys/ops.pem' }, home, exists), { file: '/home/me/keys/ops.pem', fromSetting: true });
      assert.deepEqual(identityFileFor('ops-key', {}, home, exists), { file: '/home/me/.ssh/ops-key.pem', fromSetting: false });
      assert.deepEqual(identityFileFor('dev-key', {}, home, exists), { file: '/home/me/.ssh/dev-key', fromSetting: false });
      assert.equal(identityFileFor('other', {}, home, exists), undefined);
      assert.equal(identityFileFor(null, {}, home, exists), undefined);
    });

    it('never builds a path out of ~/.ssh from a keypair name', () => {
      const asked: string[] = [];
      assert.equal(identityFileFor('../../etc/passwd', {}, home, (file) => (asked.push(file), true)), undefined);
      assert.deepEqual(asked, []);
    });
  });

  describe('arguments and text', () => {
    const target = { user: 'ubuntu', address: '203.0.113.9', identityFile: '/home/me/.ssh/my key.pem', extraArgs: ['-J', 'bastion'] };
    it('puts extra arguments first, then the key, then user@address', () => {
      assert.deepEqual(sshArgs(target), ['-J', 'bastion', '-i', '/home/me/.ssh/my key.pem', 'ubuntu@203.0.113.9']);
      assert.deepEqual(sshArgs({ user: 'root', address: '10.0.0.5', extraArgs: [] }), ['root@10.0.0.5']);
    });

    it('quotes for a POSIX shell only what needs it', () => {
      assert.equal(sshCommandText(target), "ssh -J bastion -i '/home/me/.ssh/my key.pem' ubuntu@203.0.113.9");
      assert.equal(shellQuote("it's"), `'it'\\''s'`);
      assert.equal(shellQuote('$(rm -rf ~)'), `'$(rm -rf ~)'`);
    });

    it('refuses users that look like options and addresses that are not IPs', () => {
      assert.equal(checkTarget({ user: 'ubuntu', address: 'fd00::11', extraArgs: [] }), undefined);
      assert.match(checkTarget({ user: '-oProxyCommand=x', address: '10.0.0.5', extraArgs: [] }) ?? '', /scpExplorer\.ssh\.user/);
      assert.ok(checkTarget({ user: 'root', address: '-oProxyCommand=x', extraArgs: [] }));
      assert.ok(!isIpLiteral('300.1.1.1'));
      assert.ok(!isIpLiteral('host.example'));
    });
  });

  it('knows Windows servers by planned OS type or image OS', () => {
    assert.ok(isWindowsServer(makeServer('w', { planned_compute_os_type: 'windows' })));
    assert.ok(isWindowsServer(makeServer('w', { planned_compute_os_type: 'open_source' }), 'windows'));
    assert.ok(!isWindowsServer(makeServer('l', { planned_compute_os_type: 'rhel' }), 'rhel'));
  });
});
