// The action commands in package.json: offered by state through the contextValue tokens the code writes, hidden
// (not greyed) where they cannot apply, in the actions group; and the catalogue the commands check agrees.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { confirmationFor, needsConfirmation } from '../../src/core/actionConfirmation';
import { serverContextValue } from '../../src/core/contextValues';
import { applicableActions, splitByFit } from '../../src/core/serverActions';
import { makeServer } from '../support/serverFixtures';

const root = path.resolve(__dirname, '..', '..', '..');
interface MenuItem {
  command?: string;
  when?: string;
  group?: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuItem[]>; configuration: { properties: Record<string, { default?: unknown }> } };
};
const context = manifest.contributes.menus['view/item/context'];

const ROWS = {
  active: serverContextValue(makeServer('a')),
  shutoff: serverContextValue(makeServer('b', { state: 'SHUTOFF' })),
  lockedActive: serverContextValue(makeServer('c', { locked: true })),
  lockedShutoff: serverContextValue(makeServer('d', { state: 'SHUTOFF', locked: true })),
  rebooting: serverContextValue(makeServer('e', { state: 'REBOOT' })),
  error: serverContextValue(makeServer('f', { state: 'ERROR' })),
  stopping: serverContextValue(makeServer('g'), 'stop'),
};

/** The action commands a row's context menu shows, given whether confirmActions is on. */
function offered(row: string, confirmActions = true): string[] {
  return context
    .filter((item) => (item.group ?? '').startsWith('4_actions@'))
    .filter((item) => {
      const match = /viewItem =~ \/(.*)\/(?:\s|$)/.exec(item.when ?? '');
      const config = (item.when ?? '').includes('!config.scpExplorer.confirmActions') ? !confirmActions : true;
      return match !== null && new RegExp(match[1]).test(row) && config;
    })
    .map((item) => (item.command ?? '').replace('scpExplorer.', ''));
}

describe('action menus', () => {
  it('offers each action on the rows it can apply to, and nothing on a busy row', () => {
    assert.deepEqual(offered(ROWS.active), ['stopServer', 'rebootServer', 'lockServer']);
    assert.deepEqual(offered(ROWS.active, false), ['stopServer', 'rebootServer', 'hardRebootServer', 'lockServer'], 'Hard Reboot of its own when not asked');
    assert.deepEqual(offered(ROWS.shutoff), ['startServer', 'lockServer']);
    assert.deepEqual(offered(ROWS.lockedActive), ['unlockServer'], 'a locked server offers only Unlock');
    assert.deepEqual(offered(ROWS.lockedShutoff), ['unlockServer']);
    assert.deepEqual(offered(ROWS.rebooting), ['lockServer']);
    assert.deepEqual(offered(ROWS.error), ['lockServer']);
    assert.deepEqual(offered(ROWS.stopping), []);
  });

  it('uses anchored regexes in one group, ordered Start, Stop, Reboot, Hard Reboot, Lock, Unlock', () => {
    const items = context.filter((item) => (item.group ?? '').startsWith('4_actions@'));
    assert.equal(items.length, 6);
    items.forEach((item) => assert.match(item.when ?? '', /^view == scpExplorer\.servers && viewItem =~ \/\^server;\.\*;can-\w+;\//));
    assert.deepEqual(
      items.map((item) => item.group),
      ['4_actions@1', '4_actions@2', '4_actions@3', '4_actions@4', '4_actions@5', '4_actions@6'],
    );
    assert.equal(manifest.contributes.configuration.properties['scpExplorer.confirmActions'].default, true);
  });

  it('splits a selection into the servers an action fits and the skipped ones', () => {
    const servers = [makeServer('a'), makeServer('b', { state: 'SHUTOFF' }), makeServer('c', { locked: true }), makeServer('d')];
    const { fit, skipped } = splitByFit(servers, 'stop', (id) => id === 'd');
    assert.deepEqual(fit.map((server) => server.id), ['a']);
    assert.deepEqual(skipped.map((server) => server.id), ['b', 'c', 'd']);
    assert.deepEqual(applicableActions(makeServer('x', { state: 'SHUTOFF' })), ['start', 'lock']);
  });

  it('asks before Stop and Reboot (unless turned off) and always before Hard Reboot, naming the servers', () => {
    assert.deepEqual(
      (['start', 'stop', 'reboot', 'hardReboot', 'lock', 'unlock'] as const).map((action) => [needsConfirmation(action, true), needsConfirmation(action, false)]),
      [[false, false], [true, false], [true, false], [true, true], [false, false], [false, false]],
    );
    const one = confirmationFor('stop', [makeServer('a', { name: 'web-01' })], []);
    assert.equal(one.message, 'Stop web-01?');
    assert.deepEqual(one.choices, [{ label: 'Stop', action: 'stop' }]);
    const several = confirmationFor('reboot', [makeServer('a', { name: 'web-01' }), makeServer('b', { name: 'web-02' })], [makeServer('c', { name: 'db-01' })]);
    assert.equal(several.message, 'Reboot 2 servers?');
    assert.match(several.detail, /Servers: web-01, web-02/);
    assert.match(several.detail, /Skipped, since the action does not apply to them as they are now: db-01/);
    assert.deepEqual(several.choices.map((choice) => [choice.label, choice.action]), [['Reboot', 'reboot'], ['Hard Reboot', 'hardReboot']]);
  });
});
