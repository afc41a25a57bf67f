import * as l10n from '@vscode/l10n';
import axios, { type AxiosInstance } from 'axios';
import { announcingTransport } from './sentSignal';
import { parseServerTiming } from '../core/serverTiming';
import { encodeGoQuery, type QueryValues } from '../core/goQuery';
import { authHeaders, type AccessKey } from '../core/signing';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryPolicy } from '../core/retryPolicy';
import { errorFromResponse, badResponse, type RequestContext } from '../core/errorResponses';
import { cancelledError, isRetryableNetworkCode, networkError, responseTooLargeError, timeoutError } from '../core/networkErrors';
import { ScpError } from '../core/scpError';
import { systemClock, type Clock } from '../core/clock';
import { RequestLimiter, WAF_BUDGET } from '../core/requestLimiter';

/** What is logged of one request: never headers, so neither the access key's secret nor the signature. */
export interface RequestRecord {
  method: string;
  /** Path and query as sent. */
  target: string;
  status?: number;
  durationMs: number;
  /** The server's own time as its `Server-Timing` header reports it (`app;dur=…`), when it sends one. */
  serverMs?: number;
  retries: number;
  error?: string;
}

export interface RequestLogger {
  request(record: RequestRecord): void;
}

export interface TransportOptions {
  credentials: AccessKey;
  acceptLanguage: string;
  userAgent: string;
  /** Per attempt, from sending to the last byte. */
  timeoutMs: number;
  retry?: RetryPolicy;
  logger?: RequestLogger;
  /** Called with every URL exactly as signed and sent; tests compare it with what the server received. */
  onSend?: (url: string) => void;
  /** The connection's limiter; default: a new one with the WAF budget. */
  limiter?: RequestLimiter;
  /** Retry waits and the retry budget; tests pass a fake clock. Timeouts stay real timers. */
  clock?: Clock;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Sees the text of a 2xx answer before it is parsed; parsing waits for the promise it returns. Paging uses it to
   * send the next request (its marker is the last id, at the end of the text) before this page is parsed.
   */
  beforeParse?: (body: string) => Promise<void> | void;
  /** Called once the request is on its way: written to the socket, held by the limiter, or failed before that. */
  onSent?: () => void;
}

/** One request. Every request of a connection is described this way and goes through `SignedTransport.send`. */
export interface RequestSpec {
  /** POSTs (server actions) are never retried: an action is not idempotent (docs/scp-api-facts.md). */
  method: 'GET' | 'POST';
  baseUrl: string;
  path: string;
  query?: QueryValues;
  /** `Scp-Api-Version`; undefined only on the unauthenticated version catalog. */
  apiVersion?: string;
  /** False only for the version catalog, which SCP serves without authentication (docs/scp-api-facts.md, API versions). */
  signed?: boolean;
  /** The JSON body (a POST's); not part of the signature. */
  body?: unknown;
}

interface Attempt {
  status?: number;
  body?: string;
  contentType?: string;
  retryAfter?: string;
  serverMs?: number;
  error?: ScpError;
  retryable: boolean;
}

/** Far above any page of servers (1000 servers ≈ 3 MiB), yet small enough for a shared extension host. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Requests carry small JSON bodies at most. */
const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * Signs, paces, sends and retries requests: the one place every request of a connection passes. The query is
 * encoded once, signed, and handed to axios as part of a complete URL with no `params`, so axios sends it untouched
 * (its URL parser leaves every byte that Go's escaping produces as it is); the emulator's signature check proves
 * that on every test request.
 */
export class SignedTransport {
  private readonly http: AxiosInstance;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  /** Shared by every request of this connection, retries included. */
  readonly limiter: RequestLimiter;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RequestLimiter(WAF_BUDGET, this.clock);
    this.http = axios.create({
      // A redirect would be followed with the signature of another URL, and could carry the headers elsewhere.
      maxRedirects: 0,
      // axios' own proxy handling from environment variables is off: VS Code's proxy support (http.proxy)
      // patches Node's https module for the extension host, which covers the SCP users behind proxies.
      proxy: false,
      // Node's http/https, named so axios never tries another adapter (the bundle leaves xhr and fetch out).
      adapter: 'http',
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // Counted after gzip/deflate are undone, so a small compressed bomb is stopped too.
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: MAX_REQUEST_BYTES,
    });
  }

  getJson(baseUrl: string, path: string, query: QueryValues, apiVersion: string, call: CallOptions = {}): Promise<unknown> {
    return this.send({ method: 'GET', baseUrl, path, query, apiVersion }, call);
  }

  /** Sends `spec` and parses the JSON answer; throws an ScpError that says what happened and what to do. */
  async send(spec: RequestSpec, call: CallOptions = {}): Promise<unknown> {
    const queryString = encodeGoQuery(spec.query ?? {});
    const url = spec.baseUrl + spec.path + (queryString ? `?${queryString}` : '');
    const target = new URL(spec.baseUrl).pathname.replace(/\/$/, '') + spec.path + (queryString ? `?${queryString}` : '');
    const what = `${spec.method} ${spec.path.replace(/\/v1\/servers\/[^/]+/, '/v1/servers/{id}')}`;
    const context: RequestContext = { what, apiVersion: spec.apiVersion ?? '' };
    const host = new URL(spec.baseUrl).host;
    const started = this.clock.now();
    let announced = false;
    const sent = (): void => {
      if (!announced) {
        announced = true;
        call.onSent?.();
      }
    };

    try {
      return await this.sendAttempts(spec, url, target, host, started, context, call, sent);
    } finally {
      sent();
    }
  }

  private async sendAttempts(
    spec: RequestSpec,
    url: string,
    target: string,
    host: string,
    started: number,
    context: RequestContext,
    call: CallOptions,
    sent: () => void,
  ): Promise<unknown> {
    for (let retries = 0; ; retries++) {
      await this.limiter.acquire(call.signal, sent);
      const attemptStarted = Date.now();
      const attempt = await this.attempt(spec, url, host, call.signal, call.onSent ? sent : undefined);
      this.options.logger?.request({
        method: spec.method,
        target,
        status: attempt.status,
        durationMs: Date.now() - attemptStarted,
        serverMs: attempt.serverMs,
        retries,
        error: attempt.error?.kind,
      });
      if (attempt.error?.kind === 'cancelled') {
        throw attempt.error;
      }
      if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
        if (spec.method !== 'GET' && !(attempt.body ?? '').trim()) {
          return undefined; // 202 Accepted carries no body
        }
        const body = attempt.body ?? '';
        await call.beforeParse?.(body);
        try {
          return JSON.parse(body);
        } catch {
          // A 200 that is not JSON comes from a proxy page or a cut-off body: say so, do not retry blindly.
          const why = attempt.contentType?.includes('json')
            ? l10n.t('malformed JSON')
            : l10n.t('a body that is not JSON ({0})', attempt.contentType || l10n.t('no content type'));
          throw badResponse(context, why);
        }
      }
      const error =
        attempt.error ?? errorFromResponse(attempt.status ?? 0, attempt.body ?? '', attempt.contentType ?? '', context);
      const retryAfterMs = parseRetryAfter(attempt.retryAfter, this.clock.now());
      const delay = attempt.retryable && spec.method === 'GET' ? retryDelayMs(retries + 1, this.clock.now() - started, this.retry, retryAfterMs) : undefined;
      if (delay === undefined) {
        // A WAF rejection is not retried here: a quick retry extends the block. The limiter holds every request
        // of the connection back instead, and a long operation (Load All) waits and resumes.
        if (error.kind === 'throttled') {
          this.limiter.rejected(retryAfterMs);
        }
        throw error.withRetries(retries);
      }
      await this.clock.sleep(delay, call.signal);
    }
  }

  private async attempt(spec: RequestSpec, url: string, host: string, outer?: AbortSignal, onSent?: () => void): Promise<Attempt> {
    if (outer?.aborted) {
      return { error: cancelledError(), retryable: false };
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onOuterAbort = (): void => controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      this.options.onSend?.(url);
      const response = await this.http.request<string>({
        method: spec.method,
        url,
        data: spec.body,
        signal: controller.signal,
        ...(onSent ? { transport: announcingTransport(url, onSent) } : {}),
        headers: {
          ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(spec.signed === false ? {} : authHeaders(spec.method, url, this.options.credentials, Date.now())),
          ...(spec.apiVersion !== undefined ? { 'Scp-Api-Version': spec.apiVersion } : {}),
          'Accept-Language': this.options.acceptLanguage,
          Accept: 'application/json',
          'User-Agent': this.options.userAgent,
        },
      });
      const header = (name: string): string | undefined => {
        const value: unknown = response.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      return {
        status: response.status,
        body: typeof response.data === 'string' ? response.data : '',
        contentType: header('content-type'),
        retryAfter: header('retry-after'),
        serverMs: parseServerTiming(header('server-timing')),
        retryable: isRetryableStatus(response.status),
      };
    } catch (caught) {
      if (timedOut) {
        return { error: timeoutError(host, this.options.timeoutMs), retryable: true };
      }
      if (outer?.aborted) {
        return { error: cancelledError(), retryable: false };
      }
      if (axios.isAxiosError(caught) && caught.message.startsWith('maxContentLength')) {
        return { error: responseTooLargeError(host, MAX_RESPONSE_BYTES), retryable: false };
      }
      const code = axios.isAxiosError(caught) ? caught.code : undefined;
      const cause = (caught as { cause?: { code?: string } }).cause?.code;
      const networkCode = cause ?? code;
      return { error: networkError(host, networkCode), retryable: isRetryableNetworkCode(networkCode) };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }
}
