import * as assert from 'node:assert/strict';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../src/core/retryPolicy';

const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 5000 };

describe('retry policy', () => {
  it('retries only the transient statuses', () => {
    assert.deepEqual(
      [400, 401, 403, 404, 406, 417, 429, 500, 502, 503, 504].filter(isRetryableStatus),
      [429, 502, 503, 504],
    );
  });

  it('backs off exponentially within the jitter range and stops after maxRetries', () => {
    assert.equal(retryDelayMs(1, 0, policy, undefined, () => 1), 100);
    assert.equal(retryDelayMs(2, 0, policy, undefined, () => 1), 200);
    assert.equal(retryDelayMs(3, 0, policy, undefined, () => 0), 200);
    assert.equal(retryDelayMs(4, 0, policy, undefined, () => 1), undefined);
  });

  it('honours Retry-After but not past the total budget', () => {
    assert.equal(retryDelayMs(1, 0, policy, 2000), 2000);
    assert.equal(retryDelayMs(1, 4000, policy, 2000), undefined);
  });

  it('parses Retry-After as seconds or a date', () => {
    assert.equal(parseRetryAfter('2', 0), 2000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:03 GMT', 1000), 2000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
    assert.equal(parseRetryAfter(undefined, 0), undefined);
  });
});
