import * as l10n from '@vscode/l10n';
import axios, { type AxiosInstance } from 'axios';
import { encodeGoQuery, type QueryValues } from '../core/goQuery';
import { authHeaders, type AccessKey } from '../core/signing';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryPolicy } from '../core/retryPolicy';
import { errorFromResponse, badResponse, type RequestContext } from '../core/errorResponses';
import { cancelledError, isRetryableNetworkCode, networkError, responseTooLargeError, timeoutError } from '../core/networkErrors';
import { ScpError } from '../core/scpError';

/** What is logged of one request: never headers, so neither the access key's secret nor the signature. */
export interface RequestRecord {
  method: string;
  /** Path and query as sent. */
  target: string;
  status?: number;
  durationMs: number;
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
}

export interface CallOptions {
  signal?: AbortSignal;
}

interface Attempt {
  status?: number;
  body?: string;
  contentType?: string;
  retryAfter?: string;
  error?: ScpError;
  retryable: boolean;
}

/** Far above any page of servers (1000 servers ≈ 3 MiB), yet small enough for a shared extension host. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Requests carry small JSON bodies at most. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Signs and sends GET requests, retrying the transient failures. The query is encoded once, signed, and handed to
 * axios as part of a complete URL with no `params`, so axios sends it untouched (its URL parser leaves every byte
 * that Go's escaping produces as it is); the emulator's signature check proves that on every test request.
 */
export class SignedTransport {
  private readonly http: AxiosInstance;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
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

  async getJson(baseUrl: string, path: string, query: QueryValues, apiVersion: string, call: CallOptions = {}): Promise<unknown> {
    const queryString = encodeGoQuery(query);
    const url = baseUrl + path + (queryString ? `?${queryString}` : '');
    const target = new URL(baseUrl).pathname.replace(/\/$/, '') + path + (queryString ? `?${queryString}` : '');
    const context: RequestContext = { what: `GET ${path.replace(/\/v1\/servers\/.+/, '/v1/servers/{id}')}`, apiVersion };
    const host = new URL(baseUrl).host;
    const started = Date.now();

    for (let retries = 0; ; retries++) {
      const attemptStarted = Date.now();
      const attempt = await this.attempt(url, apiVersion, host, call.signal);
      this.options.logger?.request({
        method: 'GET',
        target,
        status: attempt.status,
        durationMs: Date.now() - attemptStarted,
        retries,
        error: attempt.error?.kind,
      });
      if (attempt.error?.kind === 'cancelled') {
        throw attempt.error;
      }
      if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
        try {
          return JSON.parse(attempt.body ?? '');
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
      if (!attempt.retryable) {
        throw error.withRetries(retries);
      }
      const delay = retryDelayMs(retries + 1, Date.now() - started, this.retry, parseRetryAfter(attempt.retryAfter, Date.now()));
      if (delay === undefined) {
        throw error.withRetries(retries);
      }
      await sleep(delay, call.signal);
    }
  }

  private async attempt(url: string, apiVersion: string, host: string, outer?: AbortSignal): Promise<Attempt> {
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
      const response = await this.http.get<string>(url, {
        signal: controller.signal,
        headers: {
          ...authHeaders('GET', url, this.options.credentials, Date.now()),
          'Scp-Api-Version': apiVersion,
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
