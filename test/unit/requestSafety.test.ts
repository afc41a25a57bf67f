// What a hostile or broken endpoint cannot make the real client do: read an unbounded answer, or send a signed
// request to another path through a server id. Against the emulator over real HTTP on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor } from '../support/clientFactory';
import { rejection } from '../support/rejection';

const demoKey = { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY };

describe('request safety against the emulator', function () {
  this.timeout(60_000);
  let emulator: ScpEmulator;

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 20, seed: 5 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.resetFaults();
    emulator.clearRequests();
  });

  it('stops reading an answer that inflates past 32 MiB, says so, and does not ask again', async () => {
    emulator.faults.gzipBomb = true;
    const test = clientFor(emulator.url, demoKey);
    const error = await rejection(test.client.listServers({}, { limit: 10 }));
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /larger than 32 MiB/);
    assert.equal(emulator.requests.length, 1, 'the same endpoint would send the same again: no retry');
    assert.equal(test.records.length, 1);
  });

  for (const id of ['.', '..', '', ' ']) {
    it(`refuses the server id ${JSON.stringify(id)} before anything is sent`, async () => {
      const test = clientFor(emulator.url, demoKey);
      const error = await rejection(test.client.getServer(id));
      assert.equal(error.kind, 'badRequest');
      assert.deepEqual(test.sent, [], 'nothing signed or sent');
      assert.equal(emulator.requests.length, 0);
    });
  }

  it('still gets a server whose id merely contains dots', async () => {
    const [server] = emulator.servers;
    const dotted = { ...server, id: `a.${server.id}..b` };
    emulator.servers = [...emulator.servers, dotted];
    const test = clientFor(emulator.url, demoKey);
    assert.equal((await test.client.getServer(dotted.id)).id, dotted.id);
  });
});
