// The request limiter on a fake clock: what it waits for is asserted, no real time passes.
import * as assert from 'node:assert/strict';
import { RequestLimiter, WAF_BUDGET, type HoldReason } from '../../src/core/requestLimiter';
import { FakeClock } from '../support/fakeClock';

describe('request limiter', () => {
  let clock: FakeClock;
  let holds: [number, HoldReason][];
  let limiter: RequestLimiter;
  beforeEach(() => {
    clock = new FakeClock();
    holds = [];
    limiter = new RequestLimiter(WAF_BUDGET, clock, (waitMs, reason) => holds.push([waitMs, reason]));
  });

  it('lets a burst of 20 go at once, then one request every 1.5 s, and says when it holds one back', async () => {
    for (let i = 0; i < 23; i++) {
      await limiter.acquire();
    }
    assert.deepEqual(clock.sleeps, [1500, 1500, 1500]);
    assert.deepEqual(holds, [
      [1500, 'pacing'],
      [1500, 'pacing'],
      [1500, 'pacing'],
    ]);
  });

  it('never lets more than 60 requests into any 60 s window (the WAF rejects about 80)', async () => {
    const sentAt: number[] = [];
    for (let i = 0; i < 300; i++) {
      await limiter.acquire();
      sentAt.push(clock.now());
      // An answer takes a little while; now and then the user pauses, which refills the burst.
      await clock.sleep(i % 100 === 99 ? 45_000 : 40);
    }
    const busiest = Math.max(...sentAt.map((start) => sentAt.filter((time) => time >= start && time < start + 60_000).length));
    assert.ok(busiest <= 60 && busiest >= 55, `${busiest} requests in the busiest window`);
  });

  it('serves concurrent callers in order, each with one wait', async () => {
    const order: number[] = [];
    await Promise.all(Array.from({ length: 22 }, (_, i) => limiter.acquire().then(() => order.push(i))));
    assert.deepEqual(order, Array.from({ length: 22 }, (_, i) => i));
    assert.deepEqual(clock.sleeps, [1500, 3000]);
  });

  it('after a rejection holds every request back for the window, or the longer Retry-After', async () => {
    limiter.rejected();
    assert.equal(limiter.blockedForMs(), 60_000);
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [60_000]);
    assert.deepEqual(holds, [[60_000, 'rejected']]);
    assert.equal(limiter.blockedForMs(), 0);
    limiter.rejected(90_000);
    assert.equal(limiter.blockedForMs(), 90_000);
  });

  it('a rejection while a caller waits for its slot holds that caller back too', async () => {
    for (let i = 0; i < 20; i++) {
      await limiter.acquire();
    }
    const waiting = limiter.acquire();
    limiter.rejected();
    await waiting;
    assert.deepEqual(clock.sleeps, [1500, 58_500]);
  });

  it('counts down a rejection once a second, and stops when cancelled', async () => {
    limiter.rejected();
    const ticks: number[] = [];
    await limiter.waitOutRejection(undefined, (seconds) => ticks.push(seconds));
    assert.deepEqual(ticks, Array.from({ length: 60 }, (_, i) => 60 - i));
    limiter.rejected();
    const cancelled = new AbortController();
    const seen: number[] = [];
    await assert.rejects(
      limiter.waitOutRejection(cancelled.signal, (seconds) => {
        seen.push(seconds);
        if (seconds === 58) {
          cancelled.abort();
        }
      }),
      { kind: 'cancelled' },
    );
    assert.deepEqual(seen, [60, 59, 58]);
  });

  it('a cancelled caller does not wait', async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    await assert.rejects(limiter.acquire(cancelled.signal), { kind: 'cancelled' });
    limiter.rejected();
    const later = new AbortController();
    const waiting = limiter.acquire(later.signal);
    later.abort();
    await assert.rejects(waiting, { kind: 'cancelled' });
  });
});
