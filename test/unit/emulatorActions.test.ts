/**
 * The emulator's server actions over real HTTP: signatures of POSTs, the state machine, forced faults, bodies.
 * Requests are signed here with node:crypto, independently of the extension's signing code.
 */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import { FIXTURES } from '../emulator/dataset';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';

interface PostOptions {
  body?: string;
  method?: string;
  /** Sign with this method instead of the one sent. */
  signedMethod?: string;
}

function send(baseUrl: string, target: string, options: PostOptions = {}): Promise<{ status: number; body: string }> {
  const base = new URL(baseUrl);
  const method = options.method ?? 'POST';
  const timestamp = String(Date.now());
  const text = `${options.signedMethod ?? method}http://${base.host}${target}${timestamp}${DEMO_ACCESS_KEY}Openapi`;
  const headers: Record<string, string> = {
    'Scp-AccessKey': DEMO_ACCESS_KEY,
    'Scp-Timestamp': timestamp,
    'Scp-ClientType': 'Openapi',
    'Scp-Signature': createHmac('sha256', DEMO_SECRET_KEY).update(text, 'utf8').digest('base64'),
    'Scp-Api-Version': 'virtualserver 1.1',
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path: target, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('SCP emulator server actions', () => {
  let emulator: ScpEmulator;
  let url: string;
  const stateOf = (id: string): string | undefined => emulator.servers.find((server) => server.id === id)?.state;
  const serverOf = (id: string) => emulator.servers.find((server) => server.id === id);
  const eventually = async (condition: () => boolean, what: string): Promise<void> => {
    for (let i = 0; i < 200 && !condition(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(condition(), `never: ${what}`);
  };

  beforeEach(async () => {
    emulator = new ScpEmulator({ serverCount: 30, actionDelayMs: 80 });
    url = await emulator.start();
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it('verifies POST signatures: METHOD POST is signed, the body is not', async () => {
    const wrongMethod = await send(url, `/v1/servers/${FIXTURES.web01.id}/stop`, { signedMethod: 'GET' });
    assert.equal(wrongMethod.status, 401);
    assert.equal(stateOf(FIXTURES.web01.id), 'ACTIVE', 'a rejected request changes nothing');
    const signed = await send(url, `/v1/servers/${FIXTURES.web02.id}/reboot`, { body: '{"reboot_type":"HARD"}' });
    assert.equal(signed.status, 202);
    assert.equal(signed.body, '');
    const logged = emulator.requests.at(-1);
    assert.equal(logged?.signatureVerified, true);
    assert.equal(logged?.body, '{"reboot_type":"HARD"}', 'the body is recorded for tests');
  });

  it('stop keeps ACTIVE for the delay, then SHUTOFF; start keeps SHUTOFF, then ACTIVE', async () => {
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/stop`)).status, 202);
    assert.equal(stateOf(FIXTURES.web01.id), 'ACTIVE', 'still ACTIVE right after the 202');
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/stop`)).status, 409, 'pending: another operation');
    await eventually(() => stateOf(FIXTURES.web01.id) === 'SHUTOFF', 'web01 SHUTOFF');

    assert.equal((await send(url, `/v1/servers/${FIXTURES.dbPrimary.id}/start`)).status, 202);
    assert.equal(stateOf(FIXTURES.dbPrimary.id), 'SHUTOFF');
    await eventually(() => stateOf(FIXTURES.dbPrimary.id) === 'ACTIVE', 'dbPrimary ACTIVE');
  });

  it('reboot shows REBOOT or HARD_REBOOT, then ACTIVE; a body without a valid reboot_type is 400', async () => {
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/reboot`, { body: '{"reboot_type":"SOFT"}' })).status, 202);
    assert.equal(stateOf(FIXTURES.web01.id), 'REBOOT');
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web02.id}/reboot`, { body: '{"reboot_type":"HARD"}' })).status, 202);
    assert.equal(stateOf(FIXTURES.web02.id), 'HARD_REBOOT');
    await eventually(() => stateOf(FIXTURES.web01.id) === 'ACTIVE' && stateOf(FIXTURES.web02.id) === 'ACTIVE', 'both ACTIVE again');

    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/reboot`)).status, 400, 'no body');
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/reboot`, { body: '{"reboot_type":"WARM"}' })).status, 400);
    assert.equal(stateOf(FIXTURES.web01.id), 'ACTIVE');
  });

  it('answers 409 on the wrong state and on a locked server; lock and unlock change `locked` at once', async () => {
    const start = await send(url, `/v1/servers/${FIXTURES.web01.id}/start`);
    assert.equal(start.status, 409);
    assert.match(start.body, /in state ACTIVE/);
    assert.equal((await send(url, `/v1/servers/${FIXTURES.dbPrimary.id}/stop`)).status, 409);

    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/lock`)).status, 202);
    assert.equal(serverOf(FIXTURES.web01.id)?.locked, true);
    const locked = await send(url, `/v1/servers/${FIXTURES.web01.id}/stop`);
    assert.equal(locked.status, 409);
    assert.match(locked.body, /locked/);
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/unlock`)).status, 202);
    assert.equal(serverOf(FIXTURES.web01.id)?.locked, false);
  });

  it('answers 404 for an unknown server and 405 for GET on an action path', async () => {
    assert.equal((await send(url, '/v1/servers/no-such-server/stop')).status, 404);
    const get = await send(url, `/v1/servers/${FIXTURES.web01.id}/stop`, { method: 'GET' });
    assert.equal(get.status, 405);
  });

  it('forces 403, 409 and 500 per action; a 500 may come after the action took effect', async () => {
    emulator.actions.faults.stop = { status: 403 };
    const forbidden = await send(url, `/v1/servers/${FIXTURES.web01.id}/stop`);
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.body, /virtualserver:StopVirtualServer/);
    assert.equal(stateOf(FIXTURES.web01.id), 'ACTIVE');
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web01.id}/lock`)).status, 202, 'other actions are not affected');

    emulator.actions.faults.start = { status: 500, count: 1 };
    assert.equal((await send(url, `/v1/servers/${FIXTURES.dbPrimary.id}/start`)).status, 500);
    assert.equal(stateOf(FIXTURES.dbPrimary.id), 'SHUTOFF', 'nothing happened');
    emulator.actions.faults.start = { status: 500, applied: true, count: 1 };
    assert.equal((await send(url, `/v1/servers/${FIXTURES.dbPrimary.id}/start`)).status, 500);
    await eventually(() => stateOf(FIXTURES.dbPrimary.id) === 'ACTIVE', 'the failed-looking start took effect');
    assert.equal(emulator.actions.faults.start, undefined, 'the count ran out');

    emulator.actions.faults.reboot = { status: 409 };
    assert.equal((await send(url, `/v1/servers/${FIXTURES.web02.id}/reboot`, { body: '{"reboot_type":"SOFT"}' })).status, 409);
    assert.equal(stateOf(FIXTURES.web02.id), 'ACTIVE');
  });
});
