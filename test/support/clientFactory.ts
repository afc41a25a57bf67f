import { ScpClient, type VersionOptions } from '../../src/api/scpClient';
import { SignedTransport, type RequestRecord } from '../../src/api/signedTransport';
import type { AccessKey } from '../../src/core/signing';
import type { RetryPolicy } from '../../src/core/retryPolicy';
import { RequestLimiter, WAF_BUDGET, type RequestBudget } from '../../src/core/requestLimiter';
import { FakeClock } from './fakeClock';

export interface TestClient {
  client: ScpClient;
  /** Every URL the client signed and sent, in order. */
  sent: string[];
  /** Every request the client logged. */
  records: RequestRecord[];
  /** The client's clock: retry waits and the limiter's pacing advance it instead of taking real time. */
  clock: FakeClock;
  limiter: RequestLimiter;
}

export interface TestClientOptions {
  timeoutMs?: number;
  retry?: RetryPolicy;
  apiVersion?: string;
  budget?: RequestBudget;
  versions?: VersionOptions;
}

/** A real client (axios, signing, retries, limiter) pointed at one base URL, as with the `scpExplorer.endpoint` setting. */
export function clientFor(baseUrl: string, credentials: AccessKey, options: TestClientOptions = {}): TestClient {
  const sent: string[] = [];
  const records: RequestRecord[] = [];
  const clock = new FakeClock();
  const limiter = new RequestLimiter(options.budget ?? WAF_BUDGET, clock);
  const transport = new SignedTransport({
    credentials,
    acceptLanguage: 'en-US',
    userAgent: 'scp-server-explorer-tests',
    timeoutMs: options.timeoutMs ?? 5000,
    retry: options.retry ?? { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 },
    logger: { request: (record) => records.push(record) },
    onSend: (url) => sent.push(url),
    limiter,
    clock,
  });
  const client = new ScpClient(
    transport,
    { virtualServerBaseUrl: baseUrl, vpcBaseUrl: baseUrl, apiVersion: options.apiVersion ?? 'virtualserver 1.1' },
    options.versions,
  );
  return { client, sent, records, clock, limiter };
}
