import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOAD_MORE_CONTEXT_VALUE, MESSAGE_CONTEXT_VALUE, STATE_CONTEXT_VALUE, serverContextValue, vpcContextValue } from '../../src/core/contextValues';
import { makeServer } from '../support/serverFixtures';

// out/test/unit → the repository root.
const root = path.resolve(__dirname, '..', '..', '..');
interface MenuItem {
  command?: string;
  submenu?: string;
  when?: string;
  group?: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[]; menus: Record<string, MenuItem[]> };
};
const menus = manifest.contributes.menus;
const contributed = new Set(manifest.contributes.commands.map((command) => command.command));

/** The rows of the tree, by the contextValue code gives them. */
const ROWS: Record<string, string> = {
  serverWithIp: serverContextValue(makeServer('a', { addresses: [{ subnet_name: 's', ip_addresses: [{ ip_address: '10.0.0.1' }] }] })),
  lockedServerWithIp: serverContextValue(makeServer('b', { locked: true, addresses: [{ subnet_name: 's', ip_addresses: [{ ip_address: '10.0.0.2' }] }] })),
  serverWithoutIp: serverContextValue(makeServer('c', { addresses: null })),
  windowsWithIp: serverContextValue(
    makeServer('d', { planned_compute_os_type: 'windows', addresses: [{ subnet_name: 's', ip_addresses: [{ ip_address: '10.0.0.3' }] }] }),
  ),
  vpc: vpcContextValue(true),
  noVpc: vpcContextValue(false),
  state: STATE_CONTEXT_VALUE,
  loadMore: LOAD_MORE_CONTEXT_VALUE,
  message: MESSAGE_CONTEXT_VALUE,
};

/** The rows on which a context-menu command shows, read from its `viewItem =~ /…/` clause. */
function rowsFor(command: string, inline: boolean): string[] {
  const items = menus['view/item/context'].filter((item) => item.command === command && (item.group ?? '').startsWith('inline') === inline);
  return Object.keys(ROWS).filter((row) =>
    items.some((item) => {
      const match = /viewItem =~ \/(.*)\/(?:\s|$)/.exec(item.when ?? '');
      return match !== null && new RegExp(match[1]).test(ROWS[row]);
    }),
  );
}

describe('manifest menus', () => {
  it('matches contextValue with anchored regexes only, scoped to the view', () => {
    for (const item of menus['view/item/context']) {
      assert.match(item.when ?? '', /^view == scpExplorer\.servers && viewItem =~ \/\^/, `${item.command}: ${item.when}`);
    }
  });

  it('puts each context-menu command on the rows it is for', () => {
    const servers = ['serverWithIp', 'lockedServerWithIp', 'serverWithoutIp', 'windowsWithIp'];
    for (const command of ['scpExplorer.copyId', 'scpExplorer.copyName', 'scpExplorer.copyJson', 'scpExplorer.showDetails', 'scpExplorer.showConsoleLog']) {
      assert.deepEqual(rowsFor(command, false), servers, command);
    }
    assert.deepEqual(rowsFor('scpExplorer.copyIp', false), ['serverWithIp', 'lockedServerWithIp', 'windowsWithIp']);
    assert.deepEqual(rowsFor('scpExplorer.copyIp', true), ['serverWithIp', 'lockedServerWithIp', 'windowsWithIp'], 'the inline copy-IP button');
    // SSH for the servers with an address that are not Windows; RDP for the Windows ones.
    for (const command of ['scpExplorer.openSshTerminal', 'scpExplorer.copySshCommand', 'scpExplorer.connectRemoteSsh', 'scpExplorer.addToSshConfig']) {
      assert.deepEqual(rowsFor(command, false), ['serverWithIp', 'lockedServerWithIp'], command);
    }
    assert.deepEqual(rowsFor('scpExplorer.copyRdpAddress', false), ['windowsWithIp']);
    const remote = menus['view/item/context'].find((item) => item.command === 'scpExplorer.connectRemoteSsh');
    assert.ok(remote?.when?.endsWith('&& scpExplorer.remoteSshInstalled'), 'Remote-SSH only when it is installed');
    assert.deepEqual(rowsFor('scpExplorer.copyVpcId', false), ['vpc'], 'not on the no-VPC bucket');
    assert.deepEqual(rowsFor('scpExplorer.filterToVpc', false), ['vpc']);
    assert.deepEqual(rowsFor('scpExplorer.filterToState', false), ['state']);
  });

  it('hides commands that need a tree node from the palette', () => {
    const hidden = new Set(menus.commandPalette.filter((item) => item.when === 'false').map((item) => item.command));
    for (const command of ['scpExplorer.filterToVpc', 'scpExplorer.filterToState', 'scpExplorer.copyVpcId', 'scpExplorer.retry']) {
      assert.ok(hidden.has(command), `${command} hidden from the palette`);
    }
    // The server commands stay: from the palette they ask for a server.
    for (const command of ['scpExplorer.copyId', 'scpExplorer.copyIp', 'scpExplorer.showDetails']) {
      assert.ok(!hidden.has(command), command);
    }
  });

  it('shows the filter button always and Clear Filters only while filtered', () => {
    const title = menus['view/title'];
    const filter = title.find((item) => item.command === 'scpExplorer.editFilters');
    assert.equal(filter?.when, 'view == scpExplorer.servers');
    assert.match(filter?.group ?? '', /^navigation@/);
    const clear = title.filter((item) => item.command === 'scpExplorer.clearFilters');
    assert.ok(clear.some((item) => (item.group ?? '').startsWith('navigation@')));
    assert.ok(clear.every((item) => (item.when ?? '').endsWith('&& scpExplorer.filtered')));
  });

  it('refers only to contributed commands, each in category SCP', () => {
    for (const [menu, items] of Object.entries(menus)) {
      for (const item of items) {
        assert.ok(item.submenu || (item.command && contributed.has(item.command)), `${menu}: ${item.command}`);
      }
    }
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'SCP', command.command);
    }
  });
});
