// Sending an action through the real client to the emulator, and every way it can end (scp-api.md §6).
import * as assert from 'node:assert/strict';
import { runServerAction, type ActionPorts, type ActionResult } from '../../src/core/actionRunner';
import type { Server } from '../../src/core/serverModel';
import { FIXTURES } from '../emulator/dataset';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor, type TestClient } from '../support/clientFactory';

describe('server actions through the client', () => {
  let emulator: ScpEmulator;
  let test: TestClient;
  let ports: ActionPorts;
  const posts = (): string[] => emulator.requests.filter((request) => request.method === 'POST').map((request) => request.path);
  const serverNamed = async (id: string): Promise<Server> => test.client.getServer(id);
  const messageOf = (result: ActionResult): string => ('message' in result ? result.message : '');

  beforeEach(async () => {
    emulator = new ScpEmulator({ serverCount: 30, actionDelayMs: 60_000 });
    const url = await emulator.start();
    test = clientFor(url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY }, { timeoutMs: 500 });
    ports = { post: (server, action) => test.client.serverAction(server.id, action), getServer: (id) => test.client.getServer(id) };
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it('signs and sends each action to its endpoint, with the reboot type as the body', async () => {
    const web01 = await serverNamed(FIXTURES.web01.id);
    assert.equal((await runServerAction(web01, 'hardReboot', ports)).kind, 'accepted');
    const web02 = await serverNamed(FIXTURES.web02.id);
    assert.equal((await runServerAction(web02, 'reboot', ports)).kind, 'accepted');
    const db = await serverNamed(FIXTURES.dbPrimary.id);
    assert.equal((await runServerAction(db, 'lock', ports)).kind, 'accepted');
    const sent = emulator.requests.filter((request) => request.method === 'POST');
    assert.deepEqual(
      sent.map((request) => [request.path, request.body, request.signatureVerified, request.apiVersion]),
      [
        [`/v1/servers/${web01.id}/reboot`, '{"reboot_type":"HARD"}', true, 'virtualserver 1.1'],
        [`/v1/servers/${web02.id}/reboot`, '{"reboot_type":"SOFT"}', true, 'virtualserver 1.1'],
        [`/v1/servers/${db.id}/lock`, undefined, true, 'virtualserver 1.1'],
      ],
    );
    assert.equal(emulator.servers.find((server) => server.id === web01.id)?.state, 'HARD_REBOOT');
    assert.deepEqual(test.records.filter((record) => record.method === 'POST').map((record) => record.status), [202, 202, 202], 'logged as POSTs');
  });

  it('409: re-reads the server and says the state it is in now, in words of its own', async () => {
    const db = await serverNamed(FIXTURES.dbPrimary.id);
    const asIfActive = { ...db, state: 'ACTIVE' };
    const result = await runServerAction(asIfActive, 'stop', ports);
    assert.equal(result.kind, 'failed');
    assert.equal(result.kind === 'failed' ? result.server?.state : '', 'SHUTOFF');
    assert.equal(messageOf(result), `Could not stop ${db.name}: it is SHUTOFF now, or another operation is running on it.`);
    assert.doesNotMatch(result.message, /in state/, 'none of the emulator\'s own detail');
    const web01 = await serverNamed(FIXTURES.web01.id);
    assert.equal((await runServerAction(web01, 'lock', ports)).kind, 'accepted');
    const locked = await runServerAction(web01, 'stop', ports);
    assert.match(messageOf(locked), /is locked\. Unlock it first/);
  });

  it('403 names the IAM action; 404 says the server is gone', async () => {
    emulator.actions.faults.stop = { status: 403 };
    const web01 = await serverNamed(FIXTURES.web01.id);
    const forbidden = await runServerAction(web01, 'stop', ports);
    assert.equal(forbidden.kind, 'failed');
    assert.match(messageOf(forbidden), /lacks the IAM permission virtualserver:StopVirtualServer\./);
    assert.doesNotMatch(messageOf(forbidden), /the access key lacks the permission/, 'not the server text');
    emulator.servers = emulator.servers.filter((server) => server.id !== web01.id);
    const gone = await runServerAction(web01, 'start', ports);
    assert.equal(gone.kind, 'gone');
  });

  it('5xx and timeouts: never sends the POST again, re-reads, and tells whether it took effect', async () => {
    const web01 = await serverNamed(FIXTURES.web01.id);
    emulator.actions.faults.reboot = { status: 500 };
    const notApplied = await runServerAction(web01, 'reboot', ports);
    assert.equal(notApplied.kind, 'failed');
    assert.match(messageOf(notApplied), /\(status 500\), and the server still reads ACTIVE: the request may not have taken effect/);
    assert.deepEqual(posts(), [`/v1/servers/${web01.id}/reboot`], 'one POST, not retried');

    emulator.actions.faults.reboot = { status: 502, applied: true };
    const applied = await runServerAction(web01, 'reboot', ports);
    assert.equal(applied.kind, 'tookEffect');
    assert.match(messageOf(applied), /reads REBOOT now: the request took effect/);
    assert.equal(posts().length, 2);

    emulator.actions.faults = {};
    const web02 = await serverNamed(FIXTURES.web02.id);
    emulator.faults.latencyMs = 1000;
    const timedOut = await runServerAction(web02, 'stop', ports);
    assert.equal(timedOut.kind, 'failed');
    assert.match(messageOf(timedOut), /no answer in time\), and the server could not be read again/);
    assert.equal(posts().filter((path) => path.endsWith('/stop')).length, 1, 'the stop was sent once');
  });
});
