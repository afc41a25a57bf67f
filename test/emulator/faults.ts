/**
 * Fault knobs: a plain mutable object on the emulator (`emulator.faults`). Set fields in a test, call
 * `resetFaults()` (or let a fresh emulator start) to go back to a healthy service.
 *
 * Order in which they act on a request:
 *   latencyMs → hang → burstLimit → the catalog (`GET /`, unauthenticated) → gateway check (401/403) → failEvery
 *   → routing (404/405/406/400) → list-body faults.
 * So `failEvery` and the body faults only see requests the gateway accepted.
 */

/** The list endpoints a fault can be aimed at. */
export type FaultPath = '/v1/servers' | '/v1/vpcs';

/** What a `failEvery` answer carries. */
export type FaultBody = 'errors' | 'errorsDetailString' | 'html' | 'spring404' | 'text';

export interface FailEvery {
  /** Every n-th matching request fails (n = 1: every one; n = 3: the 3rd, 6th, …). Values below 1 count as 1. */
  n: number;
  /** The HTTP status to answer, e.g. 503, 502, 429, 417. */
  status: number;
  /** The body: `errors` (the errors[] envelope, JSON), `errorsDetailString` (the same with `detail` as one string
   *  instead of an array, as sometimes seen), `html` (the WAF's "Request Rejected" page), `spring404` (the
   *  Spring-style JSON), `text` (text/plain status line). Default: `html` for 417, else `errors`. */
  body?: FaultBody;
  /** Adds `Retry-After: <seconds>` to the failing answers (e.g. with 429 or 503). */
  retryAfterSeconds?: number;
  /** Fail at most this many times, then answer normally (e.g. `{n: 1, status: 503, count: 2}`: two failures, then success). */
  count?: number;
  /** Only requests for exactly this list path count and fail; undefined = every request that passed the gateway. */
  path?: FaultPath;
  /** For the `errors` bodies: this text as the `detail` (and `title`) instead of the usual one, e.g. a hostile
   *  service's Markdown link. */
  detail?: string;
}

/** The WAF: more than `requests` requests within any `windowMs` are answered 417 with its HTML page. */
export interface BurstLimit {
  requests: number;
  windowMs: number;
}

export interface FaultKnobs {
  /** Milliseconds to wait before handling every request (including rejected ones). 0 = none. */
  latencyMs: number;
  /** Periodic failures; counting restarts whenever a new object is assigned here. null = off. */
  failEvery: FailEvery | null;
  /** 200 with the list JSON cut in half (the Content-Length matches the cut body, so only the JSON is broken). */
  malformedJson: boolean;
  /** 200 `text/html` (a sign-in page) instead of the list JSON. */
  notJson: boolean;
  /** 200 `{}`: the list key (`servers` or `vpcs`) is missing. */
  missingServersKey: boolean;
  /** The marker is ignored (not even validated): every request gets the first page, so a naive pager loops forever. */
  loopingMarker: boolean;
  /** Sends the headers (with the full Content-Length) and half the list body, then destroys the socket. */
  resetMidBody: boolean;
  /** Answers `limit + 5` items (as many as there are) instead of `limit`. */
  oversizePage: boolean;
  /** Never answers any request (the socket stays open until the client gives up or `stop()` destroys it). */
  hang: boolean;
  /** The list endpoint the body faults above (malformedJson … oversizePage) apply to. Default `/v1/servers`. */
  bodyFaultPath: FaultPath;
  /** The WAF's burst rejection, counting every request (rejected ones too) by arrival time. null = off. */
  burstLimit: BurstLimit | null;
  /** Both list endpoints answer at most this many items whatever `limit` asks (a service that caps it). null = off. */
  limitCap: number | null;
  /** `GET /` (the version catalog) answers the Spring 404 instead of the catalog. */
  catalogUnavailable: boolean;
  /** 200 with `Content-Encoding: gzip`: about 40 KiB on the wire that inflate to 40 MiB (a hostile endpoint or a broken
   *  proxy). Applies to the list endpoint of `bodyFaultPath`. */
  gzipBomb: boolean;
}

export function healthyFaults(): FaultKnobs {
  return {
    latencyMs: 0,
    failEvery: null,
    malformedJson: false,
    notJson: false,
    missingServersKey: false,
    loopingMarker: false,
    resetMidBody: false,
    oversizePage: false,
    hang: false,
    bodyFaultPath: '/v1/servers',
    burstLimit: null,
    limitCap: null,
    catalogUnavailable: false,
    gzipBomb: false,
  };
}

/** Arrival times within the current burst window. */
export class BurstWindow {
  private arrivals: number[] = [];

  /** Records a request arriving at `at`; true when it is one too many for `limit`. */
  rejects(limit: BurstLimit | null, at: number): boolean {
    if (!limit) {
      return false;
    }
    this.arrivals = this.arrivals.filter((time) => time > at - limit.windowMs);
    this.arrivals.push(at);
    return this.arrivals.length > limit.requests;
  }

  reset(): void {
    this.arrivals = [];
  }
}

/** Counts requests for the current `failEvery` object and says when one must fail. */
export class FailEveryCounter {
  private current: FailEvery | null = null;
  private seen = 0;
  private fired = 0;

  /** Call once per request that passed the gateway; returns the failure to answer, if this one must fail. */
  next(failEvery: FailEvery | null, path: string): FailEvery | undefined {
    if (failEvery !== this.current) {
      this.current = failEvery;
      this.seen = 0;
      this.fired = 0;
    }
    if (!failEvery || (failEvery.path !== undefined && failEvery.path !== path)) {
      return undefined;
    }
    this.seen += 1;
    const n = Math.max(1, Math.floor(failEvery.n) || 1);
    if (this.seen % n !== 0 || (failEvery.count !== undefined && this.fired >= failEvery.count)) {
      return undefined;
    }
    this.fired += 1;
    return failEvery;
  }

  reset(): void {
    this.current = null;
    this.seen = 0;
    this.fired = 0;
  }
}
