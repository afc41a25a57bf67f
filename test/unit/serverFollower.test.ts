// The follower with a fake clock, reading the real emulator through the real client: what it sends, when it stops.
import * as assert from 'node:assert/strict';
import { ServerFollower, type FollowEnded, type FollowerHost } from '../../src/core/serverFollower';
import type { Server } from '../../src/core/serverModel';
import { FIXTURES } from '../emulator/dataset';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor } from '../support/clientFactory';
import { FakeTimers } from '../support/fakeTimers';

describe('server follower', () => {
  let emulator: ScpEmulator;
  let timers: FakeTimers;
  let loaded: Map<string, Server>;
  let ended: FollowEnded[];
  let follower: ServerFollower;
  const requests = (): string[] => emulator.requests.map((request) => `${request.method} ${request.path}`);
  const emulated = (id: string): Server => {
    const server = emulator.servers.find((candidate) => candidate.id === id);
    assert.ok(server, id);
    return server;
  };

  /** One polling round: the clock moves 3 s, then the reads it started are awaited. */
  async function tick(ms = 3000): Promise<void> {
    timers.advance(ms);
    await follower.settled();
  }

  beforeEach(async () => {
    emulator = new ScpEmulator({ serverCount: 30, actionDelayMs: 60_000 });
    const url = await emulator.start();
    const { client } = clientFor(url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    timers = new FakeTimers();
    loaded = new Map((await client.listServers({}, { limit: 100 })).servers.map((server) => [server.id, server]));
    emulator.clearRequests();
    ended = [];
    const host: FollowerHost = {
      getServer: (id, signal) => client.getServer(id, { signal }),
      listLoadedRange: async (signal) => (await client.listServers({}, { limit: loaded.size }, { signal })).servers,
      apply: (server) => void loaded.set(server.id, server),
      remove: (id) => void loaded.delete(id),
    };
    follower = new ServerFollower(host, { timers, onEnded: (event) => ended.push(event) });
  });

  afterEach(async () => {
    follower.dispose();
    await emulator.stop();
  });

  it('sends nothing while nothing is followed', async () => {
    follower.watchChanging([FIXTURES.web01.id, FIXTURES.dbPrimary.id].map((id) => emulated(id)));
    await tick(60_000);
    assert.deepEqual(requests(), []);
    assert.equal(timers.pending, 0, 'no timer either');
  });

  it('follows a stop until SHUTOFF (ACTIVE meanwhile is "stopping"), then stops reading', async () => {
    const web01 = loaded.get(FIXTURES.web01.id);
    assert.ok(web01);
    follower.trackAction(web01, 'stop');
    assert.equal(follower.pendingAction(web01.id), 'stop');
    await tick();
    assert.deepEqual(requests(), [`GET /v1/servers/${web01.id}`], 'one read of that server every 3 s');
    assert.equal(follower.pendingAction(web01.id), 'stop', 'ACTIVE after a stop is not done');
    emulated(web01.id).state = 'SHUTOFF';
    await tick();
    assert.equal(loaded.get(web01.id)?.state, 'SHUTOFF', 'the loaded server was replaced by the fresh read');
    assert.deepEqual(ended.map((event) => [event.id, event.end, event.action]), [[web01.id, 'done', 'stop']]);
    assert.equal(follower.pendingAction(web01.id), undefined);
    emulator.clearRequests();
    await tick(60_000);
    assert.deepEqual(requests(), [], 'settled: no request afterwards');
  });

  it('follows servers found in a passing state until they settle', async () => {
    const changing = [FIXTURES.missingAddresses, FIXTURES.rebooting, FIXTURES.hardRebooting, FIXTURES.resizing].map((fixture) => loaded.get(fixture.id));
    assert.ok(changing.every((server) => server !== undefined));
    follower.watchChanging([...changing, loaded.get(FIXTURES.web01.id), loaded.get(FIXTURES.dbPrimary.id)].filter((server) => server !== undefined));
    assert.equal(follower.followedCount, changing.length);
    await tick();
    assert.equal(requests().length, changing.length, 'one read each');
    for (const server of changing) {
      emulated(server?.id ?? '').state = 'ACTIVE';
    }
    await tick();
    assert.deepEqual(new Set(ended.map((event) => event.end)), new Set(['settled']));
    assert.equal(follower.followedCount, 0);
    emulator.clearRequests();
    await tick(30_000);
    assert.deepEqual(requests(), []);
  });

  it('reads the loaded range in one list request when more than a handful change', async () => {
    const active = [...loaded.values()].filter((server) => server.state === 'ACTIVE').slice(0, 8);
    active.forEach((server) => follower.trackAction(server, 'stop'));
    await tick();
    assert.deepEqual(requests(), ['GET /v1/servers'], 'one list request instead of 8 reads');
    active.forEach((server) => (emulated(server.id).state = 'SHUTOFF'));
    await tick();
    assert.equal(ended.filter((event) => event.end === 'done').length, 8);
    assert.deepEqual(requests(), ['GET /v1/servers', 'GET /v1/servers']);
  });

  it('removes a server that is gone (404) and gives up on one that keeps failing after 3 reads', async () => {
    const web01 = loaded.get(FIXTURES.web01.id);
    const web02 = loaded.get(FIXTURES.web02.id);
    assert.ok(web01 && web02);
    follower.trackAction(web01, 'stop');
    follower.trackAction(web02, 'stop');
    emulator.servers = emulator.servers.filter((server) => server.id !== web01.id);
    emulator.faults.failEvery = { n: 1, status: 400, path: undefined };
    await tick();
    assert.equal(ended.length, 0, 'a failed read is tolerated (the 404 is hidden by the 400 this round)');
    emulator.resetFaults();
    await tick();
    assert.deepEqual(ended.map((event) => [event.id, event.end]), [[web01.id, 'gone']]);
    assert.equal(loaded.has(web01.id), false);
    emulator.faults.failEvery = { n: 1, status: 400 };
    await tick();
    await tick();
    assert.equal(ended.length, 1, 'two failures in a row are tolerated');
    await tick();
    assert.equal(ended.length, 2);
    assert.deepEqual(ended[1].end, 'unreachable');
    assert.equal(follower.followedCount, 0);
  });

  it('gives up after 10 minutes and ends on ERROR', async () => {
    const web01 = loaded.get(FIXTURES.web01.id);
    const web02 = loaded.get(FIXTURES.web02.id);
    assert.ok(web01 && web02);
    follower.trackAction(web01, 'stop');
    follower.trackAction(web02, 'stop');
    emulated(web02.id).state = 'ERROR';
    await tick();
    assert.deepEqual(ended.map((event) => [event.id, event.end]), [[web02.id, 'error']]);
    for (let i = 0; i < 200 && follower.followedCount > 0; i++) {
      await tick();
    }
    assert.deepEqual(ended.map((event) => event.end), ['error', 'timedOut']);
    assert.equal(timers.now() - 1_000_000 >= 10 * 60 * 1000, true, 'not before 10 minutes');
    assert.ok(emulator.requests.length <= 202, `about one read per 3 s: ${emulator.requests.length}`);
  });

  it('sees a reboot through REBOOT back to ACTIVE', async () => {
    const web01 = loaded.get(FIXTURES.web01.id);
    assert.ok(web01);
    follower.trackAction(web01, 'reboot');
    await tick();
    assert.equal(follower.pendingAction(web01.id), 'reboot', 'still ACTIVE: the reboot may not have begun');
    emulated(web01.id).state = 'REBOOT';
    await tick();
    emulated(web01.id).state = 'ACTIVE';
    await tick();
    assert.deepEqual(ended.map((event) => event.end), ['done']);
  });
});
