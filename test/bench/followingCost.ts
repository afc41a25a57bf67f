// The request cost of following N changing servers (N = 1, 10, 100) for one minute, in plain Node: the real
// follower (src/core) with a fake clock, reading the real emulator through the real client. The servers never
// settle here (the worst case): every round of 3 s reads them again, one by one or as one list of the loaded range.
import { ServerFollower } from '../../src/core/serverFollower';
import type { Server } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor } from '../support/clientFactory';
import { FakeTimers } from '../support/fakeTimers';

/** SCP's WAF rejects bursts of about this many requests per 60 s (scp-api.md §5). */
export const WAF_BUDGET_PER_MINUTE = 80;

export interface FollowingCost {
  changing: number;
  loaded: number;
  /** Requests the follower sent in one simulated minute. */
  requestsPerMinute: number;
  /** What one read per server per round would have cost. */
  singleReadsPerMinute: number;
}

export async function measureFollowingCost(counts: readonly number[], loadedCount = 300): Promise<FollowingCost[]> {
  const results: FollowingCost[] = [];
  for (const changing of counts) {
    const emulator = new ScpEmulator({ serverCount: Math.max(loadedCount, changing * 2), seed: 11 });
    const url = await emulator.start();
    try {
      const { client } = clientFor(url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
      const loaded: Server[] = (await client.listServers({}, { limit: Math.max(loadedCount, changing) })).servers;
      const timers = new FakeTimers();
      const follower = new ServerFollower(
        {
          getServer: (id, signal) => client.getServer(id, { signal }),
          listLoadedRange: async (signal) => (await client.listServers({}, { limit: loaded.length }, { signal })).servers,
          apply: () => undefined,
          remove: () => undefined,
        },
        { timers },
      );
      loaded.slice(0, changing).forEach((server) => follower.trackAction(server, 'stop'));
      emulator.clearRequests();
      for (let elapsed = 0; elapsed < 60_000; elapsed += 3000) {
        timers.advance(3000);
        await follower.settled();
      }
      follower.dispose();
      results.push({ changing, loaded: loaded.length, requestsPerMinute: emulator.requests.length, singleReadsPerMinute: changing * 20 });
    } finally {
      await emulator.stop();
    }
  }
  return results;
}

/** Requests in one simulated minute while the follower watches a loaded list in which nothing changes (target 0). */
export async function measureQuietFollowing(loadedCount = 300): Promise<number> {
  const emulator = new ScpEmulator({ serverCount: loadedCount, seed: 11 });
  const url = await emulator.start();
  try {
    const { client } = clientFor(url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    const stable = (await client.listServers({}, { limit: loadedCount })).servers.filter((server) => server.state === 'ACTIVE' || server.state === 'SHUTOFF');
    const timers = new FakeTimers();
    const follower = new ServerFollower(
      {
        getServer: (id, signal) => client.getServer(id, { signal }),
        listLoadedRange: async (signal) => (await client.listServers({}, { limit: stable.length }, { signal })).servers,
        apply: () => undefined,
        remove: () => undefined,
      },
      { timers },
    );
    follower.watchChanging(stable);
    emulator.clearRequests();
    for (let elapsed = 0; elapsed < 60_000; elapsed += 3000) {
      timers.advance(3000);
      await follower.settled();
    }
    follower.dispose();
    return emulator.requests.length;
  } finally {
    await emulator.stop();
  }
}

/**
 * Real time from the emulator's state change to the follower handing the fresh server to the model (which
 * regroups the tree from it), with the real 3 s interval: the server is followed after a stop, and the emulator's
 * copy turns SHUTOFF at a different moment of the interval in each run.
 */
export async function measureChangeToApply(offsetsMs: readonly number[]): Promise<{ samples: number[]; intervalMs: number }> {
  const intervalMs = 3000;
  const emulator = new ScpEmulator({ serverCount: 50, seed: 11 });
  const url = await emulator.start();
  const samples: number[] = [];
  try {
    const { client } = clientFor(url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
    for (const offset of offsetsMs) {
      const target = (await client.listServers({}, { limit: 50 })).servers.find((server) => server.state === 'ACTIVE');
      const inEmulator = emulator.servers.find((server) => server.id === target?.id);
      if (!target || !inEmulator) {
        throw new Error('no ACTIVE server to follow');
      }
      let changedAt = 0;
      const shown = new Promise<number>((resolve) => {
        const follower = new ServerFollower(
          {
            getServer: (id, signal) => client.getServer(id, { signal }),
            listLoadedRange: async (signal) => (await client.listServers({}, { limit: 50 }, { signal })).servers,
            apply: (server) => {
              if (server.id === target.id && server.state === 'SHUTOFF') {
                resolve(performance.now());
                follower.dispose();
              }
            },
            remove: () => undefined,
          },
          { intervalMs },
        );
        follower.trackAction(target, 'stop');
      });
      await new Promise((resolve) => setTimeout(resolve, offset));
      inEmulator.state = 'SHUTOFF';
      changedAt = performance.now();
      samples.push((await shown) - changedAt);
      inEmulator.state = 'ACTIVE';
    }
  } finally {
    await emulator.stop();
  }
  return { samples, intervalMs };
}
