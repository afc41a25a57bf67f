// Issue 11's security gaps, in a real VS Code against the emulator: what a hostile service, a repository's
// workspace settings or odd server data can no longer do, and Clear Access Key asking first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Server } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { isMessageRow, isServerRow, rows, setSetting, startConnectedEmulator, waitFor, type ConnectedEmulator } from './support/explorerHarness';

/** A Markdown link that a notification would render as a button running a command. */
const COMMAND_LINK = '[Fix it](command:workbench.action.quit)';

describe('security gaps (against the emulator)', function () {
  this.timeout(120_000);
  let connected: ConnectedEmulator;

  const logFile = (): string => path.join(connected.api.logUri.fsPath, 'SCP Server Explorer.log');
  const logText = (): string => (fs.existsSync(logFile()) ? fs.readFileSync(logFile(), 'utf8') : '');
  /** What the extension said it showed in notifications (showErrorWithLogs and notify log each one as `Shown: …`). */
  const shownLines = (): string[] => logText().split('\n').filter((line) => line.includes('Shown: '));

  before(async () => {
    connected = await startConnectedEmulator({ serverCount: 30, seed: 7 }, { pageSize: 50 });
  });

  after(async () => {
    await setSetting('groupBy', undefined);
    await connected.disconnect();
  });

  beforeEach(async () => {
    connected.emulator.resetFaults();
    await connected.api.model.refresh();
  });

  describe('no server- or settings-supplied text in a notification', () => {
    it("SCP's error detail and title stay in the tree row and the log; the notification is the extension's sentence", async () => {
      const { api, emulator } = connected;
      const before = shownLines().length;
      emulator.faults.failEvery = { n: 1, status: 400, detail: COMMAND_LINK };
      assert.equal(await vscode.commands.executeCommand('scpExplorer.refresh'), 'failed');
      const message = (await rows(api)).find(isMessageRow);
      assert.ok(message, 'a message row');
      assert.ok(message.description.includes(COMMAND_LINK), `the row shows what SCP said, as plain text: ${message.description}`);
      await waitFor(() => shownLines().length > before, 'the notification of the failed refresh');
      const shown = shownLines().slice(before);
      assert.ok(shown.some((line) => line.includes('SCP rejected the request GET /v1/servers (400)')), shown.join('\n'));
      for (const line of shown) {
        assert.ok(!line.includes('command:'), `a notification carried server text: ${line}`);
      }
    });

    it('a 5xx request id and a network error host stay out of the notification too', async () => {
      const { api, emulator } = connected;
      const before = shownLines().length;
      emulator.faults.failEvery = { n: 1, status: 503, detail: COMMAND_LINK };
      await setSetting('requestTimeoutSeconds', 5);
      try {
        assert.equal(await vscode.commands.executeCommand('scpExplorer.refresh'), 'failed');
        assert.ok((await rows(api)).find(isMessageRow)?.description.includes(COMMAND_LINK));
        await waitFor(() => shownLines().length > before, 'the notification of the failed refresh');
        const shown = shownLines().slice(before).join('\n');
        assert.match(shown, /SCP had a server error \(503\)/);
        assert.ok(!shown.includes('command:'), shown);
      } finally {
        emulator.resetFaults();
        await setSetting('requestTimeoutSeconds', undefined);
      }
    });

    it('a setting whose value is a command link is named in the log, not quoted in the warning', async () => {
      const before = shownLines().length;
      await setSetting('groupBy', COMMAND_LINK);
      await setSetting('pageSize', 0);
      try {
        await waitFor(() => shownLines().length > before, 'the settings warning');
        const shown = shownLines().slice(before).join('\n');
        assert.match(shown, /settings could not be used as written/);
        assert.ok(!shown.includes('command:'), shown);
        assert.ok(logText().includes(`groupBy must be vpcState, stateVpc, vpc, state or none (it is "${COMMAND_LINK}")`), 'the log names it');
      } finally {
        await setSetting('groupBy', undefined);
        await setSetting('pageSize', 50);
      }
    });
  });

  describe('the endpoint comes from the user settings only', () => {
    let decoy: ScpEmulator;
    let settingsFile: string;

    before(async () => {
      decoy = new ScpEmulator({ serverCount: 3, seed: 99 });
      await decoy.start();
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the tests run with a workspace folder open');
      settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    });

    after(async () => {
      fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      await decoy.stop();
    });

    it('is application-scoped in the manifest, and the connection settings are restricted in untrusted workspaces', () => {
      const manifest = vscode.extensions.all.find((extension) => extension.id.toLowerCase() === 'scp-server-explorer.scp-server-explorer')
        ?.packageJSON as {
        capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
        contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      };
      assert.equal(manifest.contributes.configuration.properties['scpExplorer.endpoint'].scope, 'application');
      assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
      assert.ok(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations?.includes('scpExplorer.endpoint'));
    });

    it("a repository's .vscode/settings.json cannot send the signed requests elsewhere, and the user is told once", async () => {
      const { api, emulator } = connected;
      const before = shownLines().length;
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({ 'scpExplorer.endpoint': decoy.url }, null, 2));
      // VS Code reads the file when its watcher reports it (where inspect() shows it, the extension would use it);
      // the extension's own check reads it from disk on each connect.
      await waitForWorkspaceValue();
      emulator.clearRequests();
      for (let i = 0; i < 3; i++) {
        api.model.reconnect();
        await api.tree.getChildren();
      }
      assert.equal(decoy.requests.length, 0, 'the workspace endpoint received nothing');
      assert.ok(emulator.requests.length > 0, "the user's endpoint got the requests");
      assert.ok(api.model.servers.length > 0, 'and the servers loaded from it');
      await waitFor(() => shownLines().length > before, 'the warning about the ignored endpoint');
      const warnings = shownLines()
        .slice(before)
        .filter((line) => line.includes('ignores the endpoint set in this workspace'));
      assert.equal(warnings.length, 1, 'said once, not on every reconnect');
      assert.ok(!warnings[0].includes(decoy.url), 'the value is not quoted');
    });

    async function waitForWorkspaceValue(): Promise<void> {
      const seenByVsCode = (): boolean => vscode.workspace.getConfiguration('scpExplorer').inspect('endpoint')?.workspaceValue !== undefined;
      const seenByExtension = (): boolean => logText().includes("Settings: This workspace's settings set scpExplorer.endpoint");
      for (const started = Date.now(); !seenByVsCode() && !seenByExtension(); ) {
        assert.ok(Date.now() - started < 20_000, 'neither VS Code nor the extension saw the workspace setting');
        connected.api.model.reconnect();
        await connected.api.tree.getChildren();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });

  it('a server whose optional fields have the wrong types shows, and its group still shows every server', async () => {
    const { api, emulator } = connected;
    const all = emulator.servers;
    const vpcId = all[0].vpc_id ?? 'vpc-x';
    const odd = {
      ...all[0],
      id: 'odd-types',
      name: 'odd\n| types |',
      vpc_id: vpcId,
      created_at: 1764374400,
      addresses: { subnet_name: 'x' },
      security_groups: 'sg',
      server_type: 'big',
    } as unknown as Server;
    emulator.servers = [odd, ...all.filter((server) => server.vpc_id === vpcId).slice(0, 4).map((server, i) => ({ ...server, id: `peer-${i}` }))];
    try {
      await setSetting('groupBy', 'vpc');
      await api.model.refresh();
      const [group] = await rows(api);
      assert.ok(group, 'the VPC group');
      const servers = (await rows(api, group.node)).filter(isServerRow);
      const expected = ['odd-types', ...emulator.servers.slice(1).map((server) => server.id)].map((id) => `server/${id}`);
      assert.ok(expected.length >= 2, 'the odd server shares its VPC with others');
      assert.deepEqual(servers.map((row) => row.item.id).sort(), expected.sort());
      const provider = api.tree as unknown as vscode.TreeDataProvider<unknown>;
      const oddRow = servers.find((row) => row.item.id === 'server/odd-types');
      assert.ok(oddRow);
      const resolved = await provider.resolveTreeItem?.(oddRow.item, oddRow.node, new vscode.CancellationTokenSource().token);
      const tooltip = (resolved ?? oddRow.item).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.ok(tooltip.value.split('\n')[0].endsWith('**'), 'the name stays on the title line');
    } finally {
      emulator.servers = all;
      await setSetting('groupBy', undefined);
    }
  });

  describe('Clear Access Key asks first', () => {
    afterEach(async () => {
      await connected.api.credentials.save({ accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    });

    it('answered with anything but Clear: the key stays', async () => {
      const asked: string[] = [];
      await vscode.commands.executeCommand('scpExplorer.clearAccessKey', (question: string) => {
        asked.push(question);
        return Promise.resolve(undefined);
      });
      assert.equal(asked.length, 1, 'asked once');
      assert.match(asked[0], /SCPE…0001/, 'naming the key by its masked id');
      assert.deepEqual(await connected.api.credentials.get(), { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    });

    it('answered with Clear: the key is removed', async () => {
      const asked: string[] = [];
      await vscode.commands.executeCommand('scpExplorer.clearAccessKey', (question: string, clearLabel: string) => {
        asked.push(question);
        return Promise.resolve(clearLabel);
      });
      assert.equal(asked.length, 1);
      assert.equal(await connected.api.credentials.get(), undefined);
    });
  });
});
