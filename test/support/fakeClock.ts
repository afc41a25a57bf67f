import type { Clock } from '../../src/core/clock';
import { cancelledError } from '../../src/core/networkErrors';

interface Sleeper {
  wakeAt: number;
  wake: () => void;
}

/**
 * Virtual time: a sleep takes no real time. Sleepers wake one per turn of the event loop, earliest first, and `now`
 * jumps to their wake-up time, so concurrent sleeps overlap as they would on a real clock. Tests assert on `sleeps`
 * (what the code waited for) instead of on wall-clock time.
 */
export class FakeClock implements Clock {
  time = Date.UTC(2026, 0, 1);
  readonly sleeps: number[] = [];
  private sleepers: Sleeper[] = [];
  private scheduled = false;

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(cancelledError());
    }
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((other) => other !== sleeper);
        reject(cancelledError());
      };
      const sleeper: Sleeper = {
        wakeAt: this.time + ms,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
      this.schedule();
    });
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.wakeNext());
    }
  }

  private wakeNext(): void {
    this.scheduled = false;
    const next = this.sleepers.reduce<Sleeper | undefined>((earliest, sleeper) => (!earliest || sleeper.wakeAt < earliest.wakeAt ? sleeper : earliest), undefined);
    if (!next) {
      return;
    }
    this.sleepers = this.sleepers.filter((sleeper) => sleeper !== next);
    this.time = Math.max(this.time, next.wakeAt);
    next.wake();
    if (this.sleepers.length > 0) {
      this.schedule();
    }
  }
}
