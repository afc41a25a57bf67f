// Copy commands and Show Details in a real VS Code against the emulator: what lands on vscode.env.clipboard for
// one server, several selected servers and servers with several addresses; the details document's URI, title and
// JSON, fetched fresh every time it is opened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testApi';
import type { Server } from '../../src/core/serverModel';
import { FIXTURES, VPC_IDS } from '../emulator/dataset';
import type { ScpEmulator } from '../emulator/scpEmulator';
import { rows, screenshot, setSetting, startConnectedEmulator, waitFor, type ConnectedEmulator, type Row } from './support/explorerHarness';
import { runAnsweringPicks, runWithoutPrompt } from './support/quickInput';

const UNTOUCHED = '(clipboard not written)';

describe('copy commands and Show Details (against the emulator)', function () {
  this.timeout(120_000);
  let emulator: ScpEmulator;
  let api: ExplorerApi;

  const server = (id: string): Server => {
    const found = emulator.servers.find((candidate) => candidate.id === id);
    assert.ok(found, `server ${id} in the dataset`);
    return found;
  };
  /** The tree node of a server, from the flat list the tests use. */
  const nodeOf = async (id: string): Promise<unknown> => {
    const row = (await rows(api)).find((candidate: Row) => candidate.item.id === `server/${id}`);
    assert.ok(row, `a row for ${id}`);
    return row.node;
  };
  const clipboard = (): Thenable<string> => vscode.env.clipboard.readText();

  let connected: ConnectedEmulator;
  before(async () => {
    connected = await startConnectedEmulator({ serverCount: 300, seed: 7 }, { pageSize: 1000, groupBy: 'none' });
    ({ api, emulator } = connected);
    await waitFor(() => api.model.servers.length === emulator.servers.length, 'every server loaded');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await connected.disconnect();
  });

  beforeEach(async () => {
    emulator.resetFaults();
    emulator.clearRequests();
    // A copy that copies nothing must not pass on what an earlier test left on the clipboard.
    await vscode.env.clipboard.writeText(UNTOUCHED);
  });

  describe('one server', () => {
    it('Copy ID, Copy Name and Copy as JSON copy that server', async () => {
      const node = await nodeOf(FIXTURES.web01.id);
      await runWithoutPrompt('scpExplorer.copyId', node);
      assert.equal(await clipboard(), FIXTURES.web01.id);
      await runWithoutPrompt('scpExplorer.copyName', node);
      assert.equal(await clipboard(), '웹서버-01');
      await runWithoutPrompt('scpExplorer.copyJson', node);
      assert.deepEqual(JSON.parse(await clipboard()), server(FIXTURES.web01.id), 'the object as the API returned it');
      assert.equal(emulator.requests.length, 0, 'copying needs no request');
    });

    it('Copy IP Address copies the only address without asking', async () => {
      await runWithoutPrompt('scpExplorer.copyIp', await nodeOf(FIXTURES.web02.id));
      assert.equal(await clipboard(), '10.10.2.12');
    });

    it('Copy IP Address asks which address when there are several, labelled by subnet, with "all"', async () => {
      const node = await nodeOf(FIXTURES.web01.id);
      await runAnsweringPicks('scpExplorer.copyIp', [[]], [node]);
      assert.equal(await clipboard(), '10.10.1.11');
      await runAnsweringPicks('scpExplorer.copyIp', [['quickInput.next']], [node]);
      assert.equal(await clipboard(), 'fd00:10:10:1::11');
      await runAnsweringPicks('scpExplorer.copyIp', [['quickInput.last']], [node]);
      // "All addresses" ends with the public (NAT) one, read from the server's interfaces.
      assert.equal(await clipboard(), '10.10.1.11\nfd00:10:10:1::11\n10.10.200.11\n203.0.113.11');
    });

    it('Copy IP Address on a server without addresses copies nothing', async () => {
      await runWithoutPrompt('scpExplorer.copyIp', await nodeOf(FIXTURES.nullAddresses.id));
      assert.equal(await clipboard(), UNTOUCHED);
    });

    it('from the palette, the copy commands ask for a loaded server', async () => {
      await runAnsweringPicks('scpExplorer.copyId', [[]]);
      assert.equal(await clipboard(), api.model.servers[0].id);
    });
  });

  describe('several selected servers', () => {
    const selection = [FIXTURES.web01.id, FIXTURES.nullAddresses.id, FIXTURES.natPair.id];
    const select = async (): Promise<[unknown, unknown[]]> => {
      const nodes = await Promise.all(selection.map((id) => nodeOf(id)));
      // VS Code calls a context-menu command with the clicked node and every selected node.
      return [nodes[1], nodes];
    };

    it('Copy ID and Copy Name copy one line per server, in selection order', async () => {
      await runWithoutPrompt('scpExplorer.copyId', ...(await select()));
      assert.equal(await clipboard(), selection.join('\n'));
      await runWithoutPrompt('scpExplorer.copyName', ...(await select()));
      assert.equal(await clipboard(), ['웹서버-01', 'orphan-nic-test', 'nat gateway vm'].join('\n'));
    });

    it('Copy IP Address copies each server\'s row address, skipping servers without one, without asking', async () => {
      await runWithoutPrompt('scpExplorer.copyIp', ...(await select()));
      assert.equal(await clipboard(), '10.10.1.11\n172.16.1.5');
    });

    it('Copy as JSON copies one JSON object per line', async () => {
      await runWithoutPrompt('scpExplorer.copyJson', ...(await select()));
      const lines = (await clipboard()).split('\n');
      assert.deepEqual(
        lines.map((line) => JSON.parse(line) as unknown),
        selection.map((id) => server(id)),
      );
    });

    it('the clicked row alone counts when it is outside the selection (inline button)', async () => {
      const [, nodes] = await select();
      await runWithoutPrompt('scpExplorer.copyId', await nodeOf(FIXTURES.gpu.id), nodes);
      assert.equal(await clipboard(), FIXTURES.gpu.id);
    });
  });

  it('Copy VPC ID copies the VPC of the node, one line per selected VPC', async () => {
    await setSetting('groupBy', 'vpc');
    try {
      await waitFor(() => api.model.servers.length > 0, 'servers');
      const top = await rows(api);
      const analytics = top.find((row) => row.label === '분석-플랫폼');
      const production = top.find((row) => row.label === '운영-VPC');
      assert.ok(analytics && production);
      await runWithoutPrompt('scpExplorer.copyVpcId', analytics.node);
      assert.equal(await clipboard(), VPC_IDS.analytics);
      await runWithoutPrompt('scpExplorer.copyVpcId', production.node, [production.node, analytics.node]);
      assert.equal(await clipboard(), `${VPC_IDS.production}\n${VPC_IDS.analytics}`);
    } finally {
      await setSetting('groupBy', 'none');
    }
  });

  describe('Show Details', () => {
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    const detailRequests = (id: string): number => emulator.requests.filter((request) => request.path === `/v1/servers/${id}`).length;

    it('opens the JSON of that server, fetched with GET /v1/servers/{id}, titled by its name', async () => {
      const id = FIXTURES.web01.id;
      const document = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showDetails', await nodeOf(id));
      assert.ok(document);
      assert.equal(detailRequests(id), 1);
      assert.equal(document.uri.scheme, 'scp-server');
      assert.equal(document.uri.path, '/웹서버-01.json');
      assert.equal(document.languageId, 'json');
      // The server object as SCP sent it, then the public IPs from its interfaces under a key that says so.
      assert.deepEqual(JSON.parse(document.getText()), { ...server(id), 'public_ips (GET /v1/servers/{id}/interfaces)': ['203.0.113.11'] });
      assert.equal(vscode.window.activeTextEditor?.document, document, 'shown in the editor');
      assert.ok(!document.isDirty);
      await screenshot('details');
    });

    it('fetches fresh when opened again, after closing it or while open', async () => {
      const id = FIXTURES.web02.id;
      const node = await nodeOf(id);
      const first = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showDetails', node);
      assert.ok(first);
      assert.equal((JSON.parse(first.getText()) as Server).state, 'ACTIVE');

      server(id).state = 'SHUTOFF';
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const second = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showDetails', node);
      assert.ok(second);
      assert.equal((JSON.parse(second.getText()) as Server).state, 'SHUTOFF', 'the new state after reopening');

      server(id).state = 'REBOOT';
      const third = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showDetails', node);
      assert.equal((JSON.parse(third?.getText() ?? '{}') as Server).state, 'REBOOT', 'refreshed while open');
      assert.equal(detailRequests(id), 3);
      server(id).state = 'ACTIVE';
    });

    it('keeps a slash in the name out of the path, and reports a deleted server without opening anything', async () => {
      const id = FIXTURES.equalsQuestion.id;
      const document = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showDetails', await nodeOf(id));
      assert.equal(document?.uri.path, '/key=value?batch∕1.json');
      assert.equal((JSON.parse(document?.getText() ?? '{}') as Server).id, id);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');

      const gone = FIXTURES.gpu.id;
      const node = await nodeOf(gone);
      const kept = emulator.servers;
      emulator.servers = kept.filter((candidate) => candidate.id !== gone);
      try {
        assert.equal(await runWithoutPrompt('scpExplorer.showDetails', node), undefined);
        assert.equal(detailRequests(gone), 1);
        assert.equal(vscode.window.activeTextEditor, undefined, 'no document for a server SCP no longer has');
      } finally {
        emulator.servers = kept;
      }
    });

    it('from the palette, asks for a loaded server', async () => {
      const document = await runAnsweringPicks<vscode.TextDocument>('scpExplorer.showDetails', [[]]);
      assert.equal((JSON.parse(document?.getText() ?? '{}') as Server).id, api.model.servers[0].id);
    });
  });
});
