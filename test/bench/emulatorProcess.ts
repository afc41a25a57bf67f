// The SCP emulator in a process of its own, for `npm run bench`: the benchmark runs inside the extension host, and
// an emulator in that same process would put its dataset in the heap being measured and its JSON serialisation on
// the event loop being timed. The bench suite forks this file and drives it over the IPC channel
// (see emulatorClient.ts); it exits when that channel closes.
import { authHeaders } from '../../src/core/signing';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator, type BurstLimit, type LoggedRequest } from '../emulator/scpEmulator';

export type EmulatorRequest =
  | { id: number; op: 'start'; serverCount: number; seed: number }
  | { id: number; op: 'latency'; ms: number }
  | { id: number; op: 'waf'; burstLimit: BurstLimit | null; limitCap: number | null }
  | { id: number; op: 'clear' }
  | { id: number; op: 'warm' }
  | { id: number; op: 'counts' }
  | { id: number; op: 'stop' };

export interface RequestCounts {
  /** `GET /v1/servers` (the list). */
  list: number;
  /** `GET /v1/vpcs`. */
  vpc: number;
  /** Every request, those two included. */
  total: number;
  /** The query of the last list request, as `key=value` pairs. */
  lastListQuery: string[];
  /**
   * Milliseconds the emulator itself spent on the list requests, as its `Server-Timing` header reported them (from
   * the end of the latency wait to the answer written): its query handling and JSON serialisation, which a real
   * SCP does on its own servers.
   */
  listServerMs: number;
  /** The same, per list request in order. */
  listServerMsEach: number[];
  /**
   * Per list request after the first: from the previous answer encoded (where its Server-Timing ends) until this
   * request arrived, in the emulator's clock. Paging one page after another, that is all the time above the floor:
   * the transfer, the client's work before it asks again, and the request's way back.
   */
  listTurnMsEach: number[];
  /** Requests the emulated WAF rejected with 417. */
  rejected: number;
}

export type EmulatorReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

let emulator: ScpEmulator | undefined;
/** Per answered list request since the last `clear`: the emulator's own ms (its Server-Timing). */
let listServerMs: number[] = [];

function onRequest(entry: LoggedRequest): void {
  if (entry.path === '/v1/servers' && emulator) {
    listServerMs.push(entry.appMs ?? 0);
  }
}

function counts(): RequestCounts {
  const requests = emulator?.requests ?? [];
  const list = requests.filter((r) => r.path === '/v1/servers');
  return {
    list: list.length,
    vpc: requests.filter((r) => r.path === '/v1/vpcs').length,
    total: requests.length,
    lastListQuery: (list[list.length - 1]?.query ?? []).map(([key, value]) => `${key}=${value}`),
    listServerMs: listServerMs.reduce((sum, ms) => sum + ms, 0),
    listServerMsEach: listServerMs,
    listTurnMsEach: list.slice(1).flatMap((entry, i) => {
      const answered = list[i].answeredAt;
      return answered === undefined ? [] : [entry.arrivedAt - answered];
    }),
    rejected: requests.filter((r) => r.status === 417).length,
  };
}

async function handle(request: EmulatorRequest): Promise<unknown> {
  switch (request.op) {
    case 'start': {
      if (emulator) {
        throw new Error('already started');
      }
      emulator = new ScpEmulator({ serverCount: request.serverCount, seed: request.seed, onRequest });
      const url = await emulator.start();
      return { url, servers: emulator.servers.length, vpcs: emulator.vpcs.length };
    }
    case 'latency':
      if (emulator) {
        emulator.faults.latencyMs = request.ms;
      }
      return undefined;
    case 'waf':
      if (emulator) {
        emulator.faults.burstLimit = request.burstLimit;
        emulator.faults.limitCap = request.limitCap;
      }
      return undefined;
    case 'warm': {
      const statuses: number[] = [];
      for (const [path, version] of [['/v1/servers?limit=50', 'virtualserver 1.1'], ['/v1/vpcs?limit=100', 'vpc 1.1']] as const) {
        const url = `${emulator?.url ?? ''}${path}`;
        const headers = { ...authHeaders('GET', url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY }, Date.now()), 'Scp-Api-Version': version };
        for (let i = 0; i < 3; i++) {
          const response = await fetch(url, { headers });
          await response.text();
          statuses.push(response.status);
        }
      }
      return statuses;
    }
    case 'clear':
      emulator?.clearRequests();
      listServerMs = [];
      return undefined;
    case 'counts':
      return counts();
    case 'stop':
      await emulator?.stop();
      emulator = undefined;
      setImmediate(() => process.exit(0));
      return undefined;
  }
}

process.on('message', (message: EmulatorRequest) => {
  handle(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value } satisfies EmulatorReply),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies EmulatorReply),
  );
});
process.on('disconnect', () => process.exit(0));
