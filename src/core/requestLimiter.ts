import type { Clock } from './clock';
import { systemClock } from './clock';
import { cancelledError } from './networkErrors';

/** SCP's WAF rejects about 80 requests in 60 s (docs/scp-api-facts.md, Errors and retries). */
export interface RequestBudget {
  burst: number;
  intervalMs: number;
  rejectionWaitMs: number;
}

/** At most 20 + 60 / 1.5 = 60 requests in any 60 s window, well under the WAF's 80. */
export const WAF_BUDGET: RequestBudget = { burst: 20, intervalMs: 1500, rejectionWaitMs: 60_000 };

export type HoldReason = 'pacing' | 'rejected';

/** GCRA, a token bucket kept as one timestamp: each request reserves the next free slot, so concurrent callers go in order with one sleep each. */
export class RequestLimiter {
  private nextSlot = 0;
  private blockedUntil = 0;

  constructor(
    private readonly budget: RequestBudget,
    private readonly clock: Clock = systemClock,
    private readonly onHold: (waitMs: number, reason: HoldReason) => void = () => undefined,
  ) {}

  /** `onWait` hears once that this caller is held back (a pipelined caller stops waiting for it to go out). */
  async acquire(signal?: AbortSignal, onWait?: () => void): Promise<void> {
    if (signal?.aborted) {
      throw cancelledError();
    }
    const now = this.clock.now();
    const tolerance = (Math.max(1, this.budget.burst) - 1) * this.budget.intervalMs;
    const slot = Math.max(now, this.nextSlot - tolerance, this.blockedUntil);
    this.nextSlot = Math.max(this.nextSlot, slot) + this.budget.intervalMs;
    if (slot > now) {
      onWait?.();
      this.onHold(slot - now, slot === this.blockedUntil ? 'rejected' : 'pacing');
      await this.clock.sleep(slot - now, signal);
    }
    // A rejection reported while this caller slept holds it back too.
    for (let left = this.blockedForMs(); left > 0; left = this.blockedForMs()) {
      onWait?.();
      this.onHold(left, 'rejected');
      await this.clock.sleep(left, signal);
    }
  }

  rejected(retryAfterMs = 0): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + Math.max(this.budget.rejectionWaitMs, retryAfterMs));
  }

  async waitOutRejection(signal?: AbortSignal, onTick?: (secondsLeft: number) => void): Promise<void> {
    for (let left = this.blockedForMs(); left > 0; left = this.blockedForMs()) {
      onTick?.(Math.ceil(left / 1000));
      await this.clock.sleep(Math.min(1000, left), signal);
    }
  }

  blockedForMs(): number {
    return Math.max(0, this.blockedUntil - this.clock.now());
  }
}
