// Only idempotent GETs are retried (docs/scp-api-facts.md#errors-and-retries).

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxTotalMs: 30_000 };

// 417 (the WAF) is left out: a quick retry extends the block, so the request limiter waits out the window instead.
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter unless the server said how long to wait; a Retry-After beyond the remaining budget ends the retries. */
export function retryDelayMs(
  retry: number,
  elapsedMs: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  if (retry > policy.maxRetries) {
    return undefined;
  }
  const delay =
    retryAfterMs !== undefined
      ? retryAfterMs
      : Math.round(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)) * (0.5 + random() / 2));
  return elapsedMs + delay > policy.maxTotalMs ? undefined : delay;
}
