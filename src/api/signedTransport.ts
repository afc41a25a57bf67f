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
import { stripBom } from '../core/byteOrderMark';
import { systemClock, type Clock } from '../core/clock';
import { RequestLimiter, WAF_BUDGET } from '../core/requestLimiter';

/** Never headers, so neither the access key's secret nor the signature is logged. */
export interface RequestRecord {
  method: string;
  target: string;
  status?: number;
  durationMs: number;
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
  onSend?: (url: string) => void;
  limiter?: RequestLimiter;
  /** Retry waits only: timeouts stay real timers. */
  clock?: Clock;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Paging sends the next request (marker = the last id, at the end of the body) before this page is decoded and parsed. */
  beforeParse?: (body: Uint8Array) => Promise<void> | void;
  onSent?: () => void;
}

export interface RequestSpec {
  /** POSTs (server actions) are never retried: an action is not idempotent (docs/scp-api-facts.md). */
  method: 'GET' | 'POST';
  baseUrl: string;
  path: string;
  query?: QueryValues;
  apiVersion?: string;
  /** False only for the version catalog, which SCP serves without authentication (docs/scp-api-facts.md, API versions). */
  signed?: boolean;
  /** Not part of the signature. */
  body?: unknown;
}

interface Attempt {
  status?: number;
  body?: Buffer;
  contentType?: string;
  retryAfter?: string;
  serverMs?: number;
  error?: ScpError;
  retryable: boolean;
}

/** Far above any page of servers (1000 servers ≈ 3 MiB), yet small enough for a shared extension host. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const MAX_REQUEST_BYTES = 1024 * 1024;

function textOf(bytes: Buffer | undefined): string {
  return stripBom(bytes?.toString('utf8') ?? '');
}

/**
 * The query is encoded once, signed, and given to axios in a complete URL with no `params`, so axios sends the signed
 * bytes untouched; the emulator's signature check proves that on every test request.
 */
export class SignedTransport {
  private readonly http: AxiosInstance;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  readonly limiter: RequestLimiter;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RequestLimiter(WAF_BUDGET, this.clock);
    this.http = axios.create({
      // A redirect would be followed with the signature of another URL, and could carry the headers elsewhere.
      maxRedirects: 0,
      // Off: VS Code's proxy support (http.proxy) patches Node's https module, which covers SCP users behind proxies.
      proxy: false,
      // Node's http/https, named so axios never tries another adapter (the bundle leaves xhr and fetch out).
      adapter: 'http',
      // Bytes: paging reads the next marker from the end of the raw body before decoding and parsing it.
      responseType: 'arraybuffer',
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
      const durationMs = Date.now() - attemptStarted;
      const succeeded = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
      try {
        // The next page's request goes out before this one is even logged.
        if (succeeded && attempt.body) {
          await call.beforeParse?.(attempt.body);
        }
      } finally {
        this.options.logger?.request({
          method: spec.method,
          target,
          status: attempt.status,
          durationMs,
          serverMs: attempt.serverMs,
          retries,
          error: attempt.error?.kind,
        });
      }
      if (attempt.error?.kind === 'cancelled') {
        throw attempt.error;
      }
      if (succeeded) {
        const text = textOf(attempt.body);
        if (spec.method !== 'GET' && !text.trim()) {
          return undefined; // 202 Accepted carries no body
        }
        try {
          return JSON.parse(text);
        } catch {
          // A 200 that is not JSON comes from a proxy page or a cut-off body: say so, do not retry blindly.
          const why = attempt.contentType?.includes('json')
            ? l10n.t('malformed JSON')
            : l10n.t('a body that is not JSON ({0})', attempt.contentType || l10n.t('no content type'));
          throw badResponse(context, why);
        }
      }
      const error =
        attempt.error ?? errorFromResponse(attempt.status ?? 0, textOf(attempt.body), attempt.contentType ?? '', context);
      const retryAfterMs = parseRetryAfter(attempt.retryAfter, this.clock.now());
      const delay = attempt.retryable && spec.method === 'GET' ? retryDelayMs(retries + 1, this.clock.now() - started, this.retry, retryAfterMs) : undefined;
      if (delay === undefined) {
        // A quick retry of a WAF rejection extends the block: the limiter holds the whole connection back instead.
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
      const response = await this.http.request<unknown>({
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
        body: Buffer.isBuffer(response.data) ? response.data : undefined,
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
