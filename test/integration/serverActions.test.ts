// Server actions in a real VS Code against the emulator: which rows offer which action (through the manifest's real
// `when` clauses and the rows' real contextValue), confirmations, the row while an action runs, the server moving to
// its new state group by itself, failures, and following that stops once everything settled.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionCommandOptions, ActionCommandResult } from '../../src/commands/serverActionCommands';
import type { Confirmation } from '../../src/core/actionConfirmation';
import type { ServerActionId } from '../../src/core/serverActions';
import type { FollowEnded } from '../../src/core/serverFollower';
import type { Server } from '../../src/core/serverModel';
import type { ExplorerApi } from '../../src/testApi';
import { FIXTURES, VPC_IDS } from '../emulator/dataset';
import type { ScpEmulator } from '../emulator/scpEmulator';
import { EXTENSION_ID, allIds, rows, screenshot, setSetting, startConnectedEmulator, waitFor, type ConnectedEmulator, type Row } from './support/explorerHarness';
import { runAnsweringPicks } from './support/quickInput';

interface MenuItem {
  command?: string;
  when?: string;
  group?: string;
}

/** Evaluates the terms the manifest's context-menu `when` clauses use, the way VS Code does for a row. */
function whenHolds(when: string, contextValue: string): boolean {
  return when.split(' && ').every((term) => {
    const viewItem = /^viewItem =~ \/(.*)\/$/.exec(term);
    if (viewItem) {
      return new RegExp(viewItem[1]).test(contextValue);
    }
    if (term === 'view == scpExplorer.servers') {
      return true;
    }
    const config = /^(!?)config\.scpExplorer\.(\w+)$/.exec(term);
    if (config) {
      const value = vscode.workspace.getConfiguration('scpExplorer').get<boolean>(config[2]) === true;
      return config[1] === '!' ? !value : value;
    }
    throw new Error(`a when term this test does not know: ${term}`);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('server actions (against the emulator)', function () {
  this.timeout(120_000);
  let connected: ConnectedEmulator;
  let api: ExplorerApi;
  let emulator: ScpEmulator;
  const ended: FollowEnded[] = [];

  const emulated = (id: string): Server => {
    const found = emulator.servers.find((server) => server.id === id);
    assert.ok(found, id);
    return found;
  };
  const loaded = (id: string): Server | undefined => api.model.servers.find((server) => server.id === id);
  const posts = (): { path: string; body?: string }[] =>
    emulator.requests.filter((request) => request.method === 'POST').map((request) => ({ path: request.path, body: request.body }));

  /** Every server row of the tree, wherever its group puts it, with the id of its parent group. */
  async function serverRows(parent?: unknown, parentId = ''): Promise<(Row & { parentId: string })[]> {
    const found: (Row & { parentId: string })[] = [];
    for (const row of await rows(api, parent)) {
      if ((row.item.contextValue ?? '').startsWith('server;')) {
        found.push({ ...row, parentId });
      } else if (row.item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
        found.push(...(await serverRows(row.node, row.item.id ?? '')));
      }
    }
    return found;
  }
  async function rowOf(id: string): Promise<Row & { parentId: string }> {
    const row = (await serverRows()).find((candidate) => candidate.item.id === `server/${id}`);
    assert.ok(row, `a row for ${id}`);
    return row;
  }
  /** The action commands the row's context menu shows, from the installed extension's manifest. */
  async function offeredOn(id: string): Promise<string[]> {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, MenuItem[]> } };
    const contextValue = (await rowOf(id)).item.contextValue ?? '';
    return manifest.contributes.menus['view/item/context']
      .filter((item) => (item.group ?? '').startsWith('4_actions') && whenHolds(item.when ?? '', contextValue))
      .map((item) => (item.command ?? '').replace('scpExplorer.', ''));
  }
  /** Opens the row's groups and selects it, as a user looking at it would (for the screenshots). */
  async function reveal(id: string): Promise<void> {
    await vscode.commands.executeCommand('scpExplorer.servers.focus');
    await api.view.reveal((await rowOf(id)).node as Parameters<typeof api.view.reveal>[0], { select: true, expand: true });
  }
  /** Runs an action command as the context menu does, answering its confirmation (and keeping what it asked). */
  async function run(command: string, ids: string[], answer?: ServerActionId): Promise<{ result?: ActionCommandResult; asked: Confirmation[] }> {
    const nodes = await Promise.all(ids.map(async (id) => (await rowOf(id)).node));
    const asked: Confirmation[] = [];
    const options: ActionCommandOptions = {
      confirm: (question) => {
        asked.push(question);
        return answer;
      },
    };
    const result = await vscode.commands.executeCommand<ActionCommandResult>(command, nodes[0], nodes.length > 1 ? nodes : undefined, options);
    return { result, asked };
  }

  before(async () => {
    connected = await startConnectedEmulator({ serverCount: 30, seed: 7, actionDelayMs: 1500 }, { pageSize: 100, groupBy: 'vpcState' });
    ({ api, emulator } = connected);
    emulated(FIXTURES.noVpc.id).locked = true;
    await api.model.refresh();
    await waitFor(() => api.model.servers.length === emulator.servers.length, 'every server loaded');
    api.model.onDidEndFollowing((event) => ended.push(event));
  });

  after(async () => {
    await setSetting('confirmActions', undefined);
    await setSetting('followChangingServers', false);
    await connected.disconnect();
  });

  beforeEach(() => {
    emulator.resetFaults();
    emulator.actions.faults = {};
    emulator.clearRequests();
    ended.length = 0;
  });

  it('offers actions by state through the real menus: ACTIVE, SHUTOFF, locked, changing', async () => {
    assert.deepEqual(await offeredOn(FIXTURES.web01.id), ['stopServer', 'rebootServer', 'lockServer']);
    assert.deepEqual(await offeredOn(FIXTURES.dbPrimary.id), ['startServer', 'lockServer']);
    assert.deepEqual(await offeredOn(FIXTURES.noVpc.id), ['unlockServer'], 'a locked server offers only Unlock');
    assert.deepEqual(await offeredOn(FIXTURES.rebooting.id), ['lockServer']);
    await setSetting('confirmActions', false);
    assert.deepEqual(await offeredOn(FIXTURES.web01.id), ['stopServer', 'rebootServer', 'hardRebootServer', 'lockServer'], 'Hard Reboot of its own');
    await setSetting('confirmActions', undefined);

    // The commands check for themselves too: Start on a running server sends nothing.
    const { result } = await run('scpExplorer.startServer', [FIXTURES.web01.id]);
    assert.deepEqual(result?.results, []);
    assert.match(result?.shown ?? '', /^Nothing to do: start does not apply to 웹서버-01/);
    assert.deepEqual(posts(), []);
  });

  it('Stop asks once, shows "stopping…" at once, and the row moves to SHUTOFF by itself; then nothing is sent', async () => {
    const id = FIXTURES.web01.id;
    const before = await rowOf(id);
    assert.equal(before.parentId, `vpc/${VPC_IDS.production}/state/ACTIVE`);
    const { asked } = await run('scpExplorer.stopServer', [id], 'stop');
    assert.equal(asked.length, 1);
    assert.equal(asked[0].message, 'Stop 웹서버-01?');
    assert.deepEqual(asked[0].choices.map((choice) => choice.label), ['Stop']);
    assert.deepEqual(posts(), [{ path: `/v1/servers/${id}/stop`, body: undefined }]);

    const stopping = await rowOf(id);
    assert.equal(stopping.description, 'stopping…', 'in progress right after the 202, while SCP still reads ACTIVE');
    assert.equal((stopping.item.iconPath as vscode.ThemeIcon).id, 'loading~spin');
    assert.match(stopping.item.contextValue ?? '', /;busy;$/);
    assert.deepEqual(await offeredOn(id), [], 'nothing else to offer while it runs');
    await reveal(id);
    await screenshot('action-stopping');

    await waitFor(() => loaded(id)?.state === 'SHUTOFF', 'the server read SHUTOFF by the follower', 20_000);
    const after = await rowOf(id);
    assert.equal(after.parentId, `vpc/${VPC_IDS.production}/state/SHUTOFF`, 'moved to its new state group');
    assert.equal(after.description, '10.10.1.11');
    assert.deepEqual(ended.map((event) => [event.id, event.end, event.action]), [[id, 'done', 'stop']]);
    assert.ok((await allIds(api)).includes(`vpc/${VPC_IDS.production}/state/SHUTOFF`));
    assert.equal(after.item.id, before.item.id, 'the same id (a domain key), so VS Code keeps its expansion and selection');
    assert.equal(emulator.requests.filter((request) => request.method === 'GET' && request.path === '/v1/servers').length, 0, 'no list reload');
    await reveal(id);
    await screenshot('action-stopped');

    emulator.clearRequests();
    await sleep(7000);
    assert.deepEqual(emulator.requests.map((request) => request.rawTarget), [], 'settled: no request after two more intervals');
  });

  it('Reboot offers Reboot (SOFT) and Hard Reboot (HARD), and sends the chosen type as the body', async () => {
    const soft = await run('scpExplorer.rebootServer', [FIXTURES.web02.id], 'reboot');
    assert.deepEqual(soft.asked[0].choices.map((choice) => choice.label), ['Reboot', 'Hard Reboot']);
    assert.equal((await rowOf(FIXTURES.web02.id)).description, 'rebooting…');
    const hard = await run('scpExplorer.rebootServer', [FIXTURES.buildPlus.id], 'hardReboot');
    assert.equal(hard.asked.length, 1);
    assert.equal((await rowOf(FIXTURES.buildPlus.id)).description, 'hard rebooting…');
    assert.deepEqual(posts(), [
      { path: `/v1/servers/${FIXTURES.web02.id}/reboot`, body: '{"reboot_type":"SOFT"}' },
      { path: `/v1/servers/${FIXTURES.buildPlus.id}/reboot`, body: '{"reboot_type":"HARD"}' },
    ]);
    await waitFor(() => ended.length === 2, 'both reboots followed to the end', 20_000);
    assert.deepEqual(new Set(ended.map((event) => event.end)), new Set(['done']));
    assert.equal(loaded(FIXTURES.buildPlus.id)?.state, 'ACTIVE');
  });

  it('a cancelled confirmation sends nothing; Hard Reboot asks even with confirmations off', async () => {
    const cancelled = await run('scpExplorer.stopServer', [FIXTURES.ampersand.id], undefined);
    assert.equal(cancelled.asked.length, 1);
    assert.deepEqual(posts(), []);
    await setSetting('confirmActions', false);
    try {
      const hard = await run('scpExplorer.hardRebootServer', [FIXTURES.ampersand.id], undefined);
      assert.equal(hard.asked.length, 1, 'Hard Reboot always asks');
      assert.deepEqual(hard.asked[0].choices.map((choice) => choice.label), ['Hard Reboot']);
    } finally {
      await setSetting('confirmActions', undefined);
    }
    assert.deepEqual(posts(), []);
  });

  it('multi-select Stop: one confirmation for the servers it fits, the others named and skipped', async () => {
    const ids = [FIXTURES.hashParen.id, FIXTURES.gpu.id, FIXTURES.equalsQuestion.id];
    const { asked, result } = await run('scpExplorer.stopServer', ids, 'stop');
    assert.equal(asked.length, 1);
    assert.equal(asked[0].message, 'Stop 2 servers?');
    assert.match(asked[0].detail, /Servers: 로그-수집기 #3 \(임시\), gpu-train-01/);
    assert.match(asked[0].detail, /Skipped, since the action does not apply to them as they are now: key=value\?batch\/1/);
    assert.deepEqual(posts().map((post) => post.path), [`/v1/servers/${FIXTURES.hashParen.id}/stop`, `/v1/servers/${FIXTURES.gpu.id}/stop`]);
    assert.deepEqual(result?.results.map((entry) => entry.result.kind), ['accepted', 'accepted']);
    await waitFor(() => ended.length === 2, 'both followed to SHUTOFF', 20_000);
    assert.equal(loaded(FIXTURES.gpu.id)?.state, 'SHUTOFF');
  });

  it('Start from the palette offers the loaded servers it fits', async () => {
    const result = await runAnsweringPicks<ActionCommandResult>('scpExplorer.startServer', [[]]);
    const started = result?.results[0];
    assert.ok(started, 'a server was picked');
    assert.equal(emulated(started.id).state, 'SHUTOFF', 'a SHUTOFF server was offered first');
    assert.deepEqual(posts(), [{ path: `/v1/servers/${started.id}/start`, body: undefined }]);
    await waitFor(() => ended.length === 1, 'followed to ACTIVE', 20_000);
    assert.equal(loaded(started.id)?.state, 'ACTIVE');
  });

  it('409: re-reads the server and says its state now; 403 names the IAM action', async () => {
    emulator.actions.faults.stop = { status: 409 };
    const conflict = await run('scpExplorer.stopServer', [FIXTURES.natPair.id], 'stop');
    assert.equal(conflict.result?.shown, 'Could not stop nat gateway vm: it is ACTIVE now, or another operation is running on it.');
    assert.ok(emulator.requests.some((request) => request.method === 'GET' && request.path === `/v1/servers/${FIXTURES.natPair.id}`), 'read again');
    assert.equal((await rowOf(FIXTURES.natPair.id)).description, '172.16.1.5', 'not shown as stopping');

    emulator.actions.faults.lock = { status: 403 };
    const forbidden = await run('scpExplorer.lockServer', [FIXTURES.natPair.id]);
    assert.match(forbidden.result?.shown ?? '', /^Could not lock nat gateway vm: the access key lacks the IAM permission virtualserver:LockVirtualServer\./);
    assert.doesNotMatch(forbidden.result?.shown ?? '', /simulated|the access key lacks the permission/, 'none of SCP\'s own text');
  });

  it('404 removes the row; 500 is never repeated, and the user is told whether it took effect', async () => {
    const gone = FIXTURES.workerA.id;
    emulator.servers = emulator.servers.filter((server) => server.id !== gone);
    const removed = await run('scpExplorer.stopServer', [gone], 'stop');
    assert.equal(removed.result?.shown, 'worker no longer exists in SCP; it was removed from the list.');
    assert.equal(loaded(gone), undefined);
    assert.ok(!(await serverRows()).some((row) => row.item.id === `server/${gone}`));

    emulator.clearRequests();
    emulator.actions.faults.stop = { status: 500 };
    const failed = await run('scpExplorer.stopServer', [FIXTURES.workerB.id], 'stop');
    assert.match(failed.result?.shown ?? '', /\(status 500\), and the server still reads ACTIVE: the request may not have taken effect\. It was not sent again/);
    emulator.actions.faults.lock = { status: 502, applied: true };
    const tookEffect = await run('scpExplorer.lockServer', [FIXTURES.workerB.id]);
    assert.equal(tookEffect.result?.results[0].result.kind, 'tookEffect');
    assert.deepEqual(posts().map((post) => post.path), [`/v1/servers/${FIXTURES.workerB.id}/stop`, `/v1/servers/${FIXTURES.workerB.id}/lock`], 'each POST once');
    await waitFor(() => loaded(FIXTURES.workerB.id)?.locked === true, 'the lock shows', 20_000);
    assert.deepEqual(await offeredOn(FIXTURES.workerB.id), ['unlockServer']);
  });

  it('follows servers found in a passing state on load until they settle, then sends nothing', async () => {
    await setSetting('followChangingServers', true);
    await api.model.refresh();
    const changing = api.model.servers.filter((server) => ['BUILD', 'REBOOT', 'HARD_REBOOT', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING', 'REBUILD'].includes(server.state));
    assert.ok(changing.length >= 5, `changing servers listed: ${changing.length}`);
    await waitFor(() => emulator.requests.length > 1, 'a follow-up read', 10_000);
    for (const server of changing) {
      emulated(server.id).state = 'ACTIVE';
    }
    await waitFor(() => changing.every((server) => loaded(server.id)?.state === 'ACTIVE'), 'every changing server read ACTIVE', 20_000);
    assert.ok(!(await serverRows()).some((row) => changing.some((server) => row.item.id === `server/${server.id}` && !row.parentId.endsWith('/state/ACTIVE'))));
    await sleep(1000);
    emulator.clearRequests();
    await sleep(7000);
    assert.deepEqual(emulator.requests.map((request) => request.rawTarget), [], 'no request once everything is stable');
  });
});
