import type { Clock } from '../../src/core/clock';
import { cancelledError } from '../../src/core/networkErrors';

/**
 * A clock whose sleeps take no real time: each one advances `now` by its length and resolves on the next turn of
 * the event loop. Tests assert on `sleeps` (what the code waited for) instead of on wall-clock time.
 */
export class FakeClock implements Clock {
  time = Date.UTC(2026, 0, 1);
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      throw cancelledError();
    }
    this.sleeps.push(ms);
    this.time += ms;
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
      throw cancelledError();
    }
  }
}
