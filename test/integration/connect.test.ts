// Connecting to servers in a real VS Code against the emulator: the public IP read on demand (never on paint), the
// SSH terminal's name and argument list read back through the terminal API, Copy SSH Command and Copy IP (public)
// on the clipboard, the SSH config entry in a temporary home, RDP for Windows, the console log, and Find Server.
// No SSH server or Remote-SSH runs here: what VS Code is asked to run is what is checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testApi';
import type { Server } from '../../src/core/serverModel';
import { FIXTURES } from '../emulator/dataset';
import type { ScpEmulator } from '../emulator/scpEmulator';
import { rows, screenshot, setSetting, startConnectedEmulator, waitFor, type ConnectedEmulator, type Row } from './support/explorerHarness';
import { runAnsweringPicks, runWithoutPrompt } from './support/quickInput';

const UNTOUCHED = '(clipboard not written)';

describe('connecting to servers (against the emulator)', function () {
  this.timeout(120_000);
  let connected: ConnectedEmulator;
  let emulator: ScpEmulator;
  let api: ExplorerApi;
  let home: string;
  const realHome = process.env.HOME;

  const nodeOf = async (id: string): Promise<unknown> => {
    const row = (await rows(api)).find((candidate: Row) => candidate.item.id === `server/${id}`);
    assert.ok(row, `a row for ${id}`);
    return row.node;
  };
  const interfaceRequests = (id?: string): number =>
    emulator.requests.filter((request) => request.path.endsWith('/interfaces') && (id === undefined || request.path === `/v1/servers/${id}/interfaces`)).length;
  const clipboard = (): Thenable<string> => vscode.env.clipboard.readText();
  /** Waits until the log (which holds every message shown) has a line matching `pattern`. */
  const waitForShown = async (pattern: RegExp): Promise<void> => {
    const logFile = path.join(api.logUri.fsPath, 'SCP Server Explorer.log');
    await waitFor(() => fs.existsSync(logFile) && pattern.test(fs.readFileSync(logFile, 'utf8')), `a message like ${pattern}`);
  };
  const creation = (terminal: vscode.Terminal | undefined): vscode.TerminalOptions => {
    assert.ok(terminal, 'a terminal was created');
    return terminal.creationOptions as vscode.TerminalOptions;
  };

  before(async () => {
    // The connect commands read ~/.ssh through the user's home: a temporary one with the key of `ops-key`.
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-connect-home-'));
    fs.mkdirSync(path.join(home, '.ssh'), { mode: 0o700 });
    fs.writeFileSync(path.join(home, '.ssh', 'ops-key.pem'), 'not a real key\n', { mode: 0o600 });
    process.env.HOME = home;
    connected = await startConnectedEmulator({ serverCount: 300, seed: 7 }, { pageSize: 1000, groupBy: 'none' });
    ({ api, emulator } = connected);
    await waitFor(() => api.model.servers.length === emulator.servers.length, 'every server loaded');
  });

  after(async () => {
    process.env.HOME = realHome;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    for (const key of ['ssh.preferredAddress', 'ssh.user', 'ssh.identityFiles', 'ssh.extraArgs', 'consoleLog.lines']) {
      await setSetting(key, undefined);
    }
    await connected.disconnect();
    fs.rmSync(home, { recursive: true, force: true });
  });

  beforeEach(async () => {
    emulator.clearRequests();
    await vscode.env.clipboard.writeText(UNTOUCHED);
  });

  afterEach(async () => {
    // The ssh processes end with their terminals; the next test starts without them (and without their panel).
    vscode.window.terminals.forEach((terminal) => terminal.dispose());
    await waitFor(() => vscode.window.terminals.length === 0, 'the test terminals closed');
  });

  describe('public IP', () => {
    it('is never fetched to draw the tree, and once per server on demand (tooltip, copy, connect)', async () => {
      const all = await rows(api);
      assert.equal(all.length, emulator.servers.length);
      assert.equal(interfaceRequests(), 0, 'drawing every row sends no interfaces request');

      const tree = api.tree as unknown as vscode.TreeDataProvider<unknown>;
      const node = await nodeOf(FIXTURES.web01.id);
      const item = await tree.resolveTreeItem?.(await tree.getTreeItem(node), node, new vscode.CancellationTokenSource().token);
      const tooltip = (item?.tooltip as vscode.MarkdownString | undefined)?.value ?? '';
      assert.match(tooltip, /203\\\.0\\\.113\\\.11/, 'the public IP in the tooltip');
      await tree.resolveTreeItem?.(await tree.getTreeItem(node), node, new vscode.CancellationTokenSource().token);

      // Copy IP Address offers it after the three private addresses, as "public, NAT".
      await runAnsweringPicks('scpExplorer.copyIp', [['quickInput.next', 'quickInput.next', 'quickInput.next']], [node]);
      assert.equal(await clipboard(), '203.0.113.11');
      await runWithoutPrompt('scpExplorer.copySshCommand', node);
      assert.equal(interfaceRequests(FIXTURES.web01.id), 1, 'one request for that server, whatever asked');
      assert.equal(interfaceRequests(), 1);

      // A server without a public IP: the tooltip says none, and its single address is still copied without asking.
      const web02 = await nodeOf(FIXTURES.web02.id);
      const plain = await tree.resolveTreeItem?.(await tree.getTreeItem(web02), web02, new vscode.CancellationTokenSource().token);
      assert.match((plain?.tooltip as vscode.MarkdownString).value, /Public IP \(NAT\) \| none/);
      await runWithoutPrompt('scpExplorer.copyIp', web02);
      assert.equal(await clipboard(), '10.10.2.12');
    });

    it('shows in Show Details beside the server object', async () => {
      const document = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showDetails', await nodeOf(FIXTURES.web01.id));
      const shown = JSON.parse(document?.getText() ?? '{}') as Record<string, unknown>;
      assert.deepEqual(shown['public_ips (GET /v1/servers/{id}/interfaces)'], ['203.0.113.11']);
      assert.equal(shown.id, FIXTURES.web01.id);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });

  describe('Open SSH Terminal and Copy SSH Command', () => {
    afterEach(async () => {
      for (const key of ['ssh.preferredAddress', 'ssh.user', 'ssh.identityFiles', 'ssh.extraArgs']) {
        await setSetting(key, undefined);
      }
    });

    it('opens a terminal named after the server running ssh with an argument list: public IP, OS user, ~/.ssh key', async () => {
      const terminal = await runWithoutPrompt<vscode.Terminal>('scpExplorer.openSshTerminal', await nodeOf(FIXTURES.web01.id));
      const options = creation(terminal);
      assert.equal(options.name, '웹서버-01');
      assert.equal(options.shellPath, 'ssh');
      assert.deepEqual(options.shellArgs, ['-i', path.join(home, '.ssh', 'ops-key.pem'), 'ubuntu@203.0.113.11']);
      assert.ok(vscode.window.terminals.includes(terminal as vscode.Terminal));
    });

    it('follows the settings: private address, user by name pattern, key file and extra arguments', async () => {
      const key = path.join(home, 'keys', 'ops key.pem');
      fs.mkdirSync(path.dirname(key), { recursive: true });
      fs.writeFileSync(key, 'not a real key\n', { mode: 0o600 });
      await setSetting('ssh.preferredAddress', 'private');
      await setSetting('ssh.user', { ubuntu: 'admin', '웹서버-*': 'deploy' });
      await setSetting('ssh.identityFiles', { 'ops-key': '~/keys/ops key.pem' });
      await setSetting('ssh.extraArgs', ['-J', 'bastion']);
      const node = await nodeOf(FIXTURES.web01.id);
      const options = creation(await runWithoutPrompt<vscode.Terminal>('scpExplorer.openSshTerminal', node));
      assert.deepEqual(options.shellArgs, ['-J', 'bastion', '-i', key, 'deploy@10.10.1.11']);
      assert.equal(await runWithoutPrompt<string>('scpExplorer.copySshCommand', node), `ssh -J bastion -i '${key}' deploy@10.10.1.11`);
      assert.equal(await clipboard(), `ssh -J bastion -i '${key}' deploy@10.10.1.11`);

      // The OS entry applies to servers the pattern does not name; Rocky's default user comes from its image.
      const buildPlus = creation(await runWithoutPrompt<vscode.Terminal>('scpExplorer.openSshTerminal', await nodeOf(FIXTURES.buildPlus.id)));
      assert.equal((buildPlus.shellArgs as string[]).at(-1), 'admin@10.20.1.4');
    });

    it('uses no key when the keypair has no file, and the OS default user for a Rocky image', async () => {
      const rockyImage = '8a2d0b3c-4e5f-4061-9b72-83c4d5e6f708';
      const server = api.model.servers.find(
        (candidate: Server) => candidate.image_id === rockyImage && candidate.keypair_name !== 'ops-key' && candidate.planned_compute_os_type !== 'windows' && (candidate.addresses ?? []).length > 0,
      );
      assert.ok(server, 'a bulk server on the Rocky image');
      await setSetting('ssh.preferredAddress', 'private');
      const options = creation(await runWithoutPrompt<vscode.Terminal>('scpExplorer.openSshTerminal', await nodeOf(server.id)));
      assert.equal((options.shellArgs as string[]).length, 1, 'no -i: no key file for that keypair');
      assert.match((options.shellArgs as string[])[0], /^rocky@\d+\.\d+\.\d+\.\d+$/);
    });

    it('asks once for the user of a server whose OS is unknown, and remembers the answer', async () => {
      const server = api.model.servers.find(
        (candidate: Server) => !candidate.image_id && candidate.planned_compute_os_type !== 'windows' && (candidate.addresses ?? []).length > 0,
      );
      assert.ok(server, 'a bulk server without an image');
      const node = await nodeOf(server.id);
      await setSetting('ssh.preferredAddress', 'private');
      // The picker offers root first, then the users of the common images: the second is ubuntu.
      const first = creation(await runAnsweringPicks<vscode.Terminal>('scpExplorer.openSshTerminal', [['quickInput.next']], [node]));
      assert.match((first.shellArgs as string[]).at(-1) ?? '', /^ubuntu@/);
      const second = creation(await runWithoutPrompt<vscode.Terminal>('scpExplorer.openSshTerminal', node));
      assert.deepEqual(second.shellArgs, first.shellArgs, 'not asked again');
    });

    it('says so and opens nothing for an unreadable key file or a server without an address', async () => {
      await setSetting('ssh.identityFiles', { 'ops-key': '~/keys/missing.pem' });
      const count = vscode.window.terminals.length;
      assert.equal(await runWithoutPrompt('scpExplorer.openSshTerminal', await nodeOf(FIXTURES.web01.id)), undefined);
      assert.equal(await runWithoutPrompt('scpExplorer.copySshCommand', await nodeOf(FIXTURES.nullAddresses.id)), undefined);
      assert.equal(vscode.window.terminals.length, count, 'no terminal');
      assert.equal(await clipboard(), UNTOUCHED);
      await waitForShown(/Shown: The key file set for this keypair in scpExplorer\.ssh\.identityFiles cannot be read/);
      await waitForShown(/Shown: The server has no IP address to connect to\./);
    });
  });

  describe('Windows servers', () => {
    it('get Copy RDP Address (public IP), and no SSH terminal', async () => {
      const node = await nodeOf(FIXTURES.natPair.id);
      assert.match((await rows(api)).find((row) => row.node === node)?.item.contextValue ?? '', /;os-windows;/);
      assert.equal(await runWithoutPrompt<string>('scpExplorer.copyRdpAddress', node), '203.0.113.50');
      assert.equal(await clipboard(), '203.0.113.50');
      const count = vscode.window.terminals.length;
      assert.equal(await runWithoutPrompt('scpExplorer.openSshTerminal', node), undefined);
      assert.equal(vscode.window.terminals.length, count);
    });
  });

  describe('Remote-SSH', () => {
    it('is not offered when Remote-SSH is not installed', async () => {
      assert.equal(vscode.extensions.getExtension('ms-vscode-remote.remote-ssh'), undefined, 'Remote-SSH is not in the test VS Code');
      // The menu entry needs the scpExplorer.remoteSshInstalled context key (checked in the manifest unit test); run
      // anyway, the command opens nothing and says why.
      assert.equal(await runWithoutPrompt('scpExplorer.connectRemoteSsh', await nodeOf(FIXTURES.web02.id)), undefined);
      await waitForShown(/Shown: Remote-SSH is not installed/);
    });
  });

  describe('Add to SSH Config', () => {
    const config = (): string => path.join(home, '.ssh', 'config');
    const mine = '# my hosts\nHost *\n    ServerAliveInterval 30\n\nHost other\n    HostName 10.0.0.9\n';

    it('writes a Host entry after the preview, updates it in place, and never duplicates it', async () => {
      fs.writeFileSync(config(), mine);
      emulator.reads.publicIps.set(FIXTURES.buildPlus.id, null);
      const node = await nodeOf(FIXTURES.buildPlus.id);
      const key = path.join(home, '.ssh', 'ops-key.pem');
      await runAnsweringPicks('scpExplorer.addToSshConfig', [[]], [node]);
      const added = fs.readFileSync(config(), 'utf8');
      const entry = (host: string): string => `Host build-test-runner\n    HostName ${host}\n    User ubuntu\n    IdentityFile ${key}\n`;
      assert.equal(added, `${mine}\n${entry('10.20.1.4')}`, 'appended; the rest byte for byte');

      // A jump host: the same entry changes where it stands.
      await setSetting('ssh.preferredAddress', 'private');
      await setSetting('ssh.extraArgs', ['-J', 'bastion']);
      try {
        await runAnsweringPicks('scpExplorer.addToSshConfig', [[]], [node]);
      } finally {
        await setSetting('ssh.extraArgs', undefined);
        await setSetting('ssh.preferredAddress', undefined);
      }
      const updated = fs.readFileSync(config(), 'utf8');
      assert.equal(updated, `${mine}\n${entry('10.20.1.4')}    ProxyJump bastion\n`);
      assert.equal(updated.match(/^Host build-test-runner$/gm)?.length, 1);

      // Without the jump host the entry would change again: cancelling writes nothing.
      await runAnsweringPicks('scpExplorer.addToSshConfig', [['quickInput.last']], [node]);
      assert.equal(fs.readFileSync(config(), 'utf8'), updated);
      assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff).length, 0, 'preview closed');
    });

    it('creates ~/.ssh/config when there is none', async () => {
      fs.rmSync(config(), { force: true });
      await runAnsweringPicks('scpExplorer.addToSshConfig', [[]], [await nodeOf(FIXTURES.web02.id)]);
      assert.match(fs.readFileSync(config(), 'utf8'), /^Host scp-5c0e00000000\n {4}HostName 10\.10\.2\.12\n {4}User ubuntu\n/);
      assert.equal(fs.statSync(config()).mode & 0o077, 0, 'private to the user');
    });
  });

  describe('Show Console Log', () => {
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setSetting('consoleLog.lines', undefined);
    });

    it('opens the last lines read-only, asks for the set number of lines, and refreshes', async () => {
      await setSetting('consoleLog.lines', 3);
      const id = FIXTURES.web01.id;
      const document = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showConsoleLog', await nodeOf(id));
      assert.ok(document);
      assert.equal(document.uri.scheme, 'scp-console');
      assert.equal(document.uri.path, '/웹서버-01 console.log');
      assert.equal(document.getText().split('\n').length, 4, 'three lines and the final newline');
      assert.match(document.getText(), /웹서버-01 login: \n$/);
      assert.ok(emulator.requests.some((request) => request.rawTarget === `/v1/servers/${id}/console-log?line_size=3`));
      await screenshot('connecting');

      emulator.reads.consoleOutputs.set(id, 'kernel panic - not syncing');
      try {
        const refreshed = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.refreshConsoleLog', document.uri);
        assert.equal(refreshed?.getText(), 'kernel panic - not syncing\n');
        assert.equal(document.getText(), 'kernel panic - not syncing\n');
      } finally {
        emulator.reads.consoleOutputs.delete(id);
      }
    });

    it('says a stopped server has no console output', async () => {
      const document = await runWithoutPrompt<vscode.TextDocument>('scpExplorer.showConsoleLog', await nodeOf(FIXTURES.dbPrimary.id));
      assert.equal(document?.getText(), 'No console output: the server is stopped (SHUTOFF).\n');
    });
  });

  describe('Find Server', () => {
    before(async () => {
      // The first reveal opens the view; opened beforehand, the commands' picker follows at once.
      await vscode.commands.executeCommand('scpExplorer.servers.focus');
      await new Promise((resolve) => setTimeout(resolve, 500));
    });

    it('finds a loaded server by its IP, reveals and selects it, and runs the command picked for it', async () => {
      const found = await runAnsweringPicks<{ server: string; command?: string }>('scpExplorer.findServer', [[], []], ['10.20.1.4']);
      assert.deepEqual(found, { server: FIXTURES.buildPlus.id, command: 'scpExplorer.copyId' });
      assert.equal(await clipboard(), FIXTURES.buildPlus.id);
      assert.deepEqual(
        api.view.selection.map((node) => ('server' in node ? node.server.id : undefined)),
        [FIXTURES.buildPlus.id],
      );
    });

    it('finds a server by its public IP once known', async () => {
      const tree = api.tree as unknown as vscode.TreeDataProvider<unknown>;
      const node = await nodeOf(FIXTURES.natPair.id);
      await tree.resolveTreeItem?.(await tree.getTreeItem(node), node, new vscode.CancellationTokenSource().token);
      const found = await runAnsweringPicks<{ server: string }>('scpExplorer.findServer', [[], []], ['203.0.113.50']);
      assert.equal(found?.server, FIXTURES.natPair.id);
    });

    it('while more pages exist, searches SCP with the ip filter and offers what it found', async () => {
      await setSetting('pageSize', 10);
      try {
        await waitFor(() => api.model.servers.length === 10 && api.model.hasMore, 'the first page of 10');
        assert.ok(!api.model.servers.some((server) => server.id === FIXTURES.buildPlus.id));
        emulator.clearRequests();
        // The last entry is the search; then the picker opens on what SCP found, then the commands.
        const found = await runAnsweringPicks<{ server: string }>('scpExplorer.findServer', [['quickInput.last'], [], []], ['10.20.1.4']);
        assert.equal(found?.server, FIXTURES.buildPlus.id);
        assert.ok(emulator.requests.some((request) => request.query.some(([key, value]) => key === 'ip' && value === '10.20.1.4')));
        assert.deepEqual(api.filters.current.ip, '10.20.1.4');
      } finally {
        await vscode.commands.executeCommand('scpExplorer.clearFilters');
        await setSetting('pageSize', 1000);
        await waitFor(() => api.model.servers.length === emulator.servers.length, 'every server loaded again');
      }
    });
  });

  describe("a repository's settings", () => {
    it('may choose the SSH user, never extra ssh arguments or key files', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the tests run with a workspace folder open');
      const settingsDir = path.join(folder.uri.fsPath, '.vscode');
      fs.mkdirSync(settingsDir, { recursive: true });
      fs.writeFileSync(
        path.join(settingsDir, 'settings.json'),
        JSON.stringify({
          'scpExplorer.ssh.extraArgs': ['-oProxyCommand=touch /tmp/scp-explorer-pwned'],
          'scpExplorer.ssh.identityFiles': { 'ops-key': '/etc/hostname' },
        }),
      );
      const ssh = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('scpExplorer.ssh');
      try {
        // VS Code adds the user entry (allowed in a workspace) to that file and reads the whole file again.
        await ssh().update('user', { '*': 'wsuser' }, vscode.ConfigurationTarget.Workspace);
        assert.match(fs.readFileSync(path.join(settingsDir, 'settings.json'), 'utf8'), /ProxyCommand/, 'the file still has the arguments');
        const text = await runWithoutPrompt<string>('scpExplorer.copySshCommand', await nodeOf(FIXTURES.web01.id));
        assert.equal(text, `ssh -i ${path.join(home, '.ssh', 'ops-key.pem')} wsuser@203.0.113.11`);
      } finally {
        await ssh().update('user', undefined, vscode.ConfigurationTarget.Workspace);
        fs.rmSync(settingsDir, { recursive: true, force: true });
      }
    });
  });

  // Last: a refusal is remembered for the rest of the connection.
  describe('interfaces refused', () => {
    it('falls back to the private address when the key may not read interfaces (403); the tree stays as it was', async () => {
      const before = (await rows(api)).map((row) => row.item.id);
      emulator.reads.forbidInterfaces = true;
      try {
        const text = await runWithoutPrompt<string>('scpExplorer.copySshCommand', await nodeOf(FIXTURES.ampersand.id));
        assert.equal(text, `ssh -i ${path.join(home, '.ssh', 'ops-key.pem')} ubuntu@192.168.1.5`);
        assert.equal(await clipboard(), text);
        // Refused once: the connection asks no more, for any server.
        await runWithoutPrompt('scpExplorer.copySshCommand', await nodeOf(FIXTURES.hashParen.id));
        assert.equal(interfaceRequests(), 1);
      } finally {
        emulator.reads.forbidInterfaces = false;
      }
      assert.deepEqual((await rows(api)).map((row) => row.item.id), before);
      assert.equal(api.model.viewState, 'loaded');
    });
  });
});
