import { ScpClient } from '../../src/api/scpClient';
import { SignedTransport, type RequestRecord } from '../../src/api/signedTransport';
import type { AccessKey } from '../../src/core/signing';
import type { RetryPolicy } from '../../src/core/retryPolicy';

export interface TestClient {
  client: ScpClient;
  /** Every URL the client signed and sent, in order. */
  sent: string[];
  /** Every request the client logged. */
  records: RequestRecord[];
}

/** A real client (axios, signing, retries) pointed at one base URL, as with the `scpExplorer.endpoint` setting. */
export function clientFor(
  baseUrl: string,
  credentials: AccessKey,
  options: { timeoutMs?: number; retry?: RetryPolicy; apiVersion?: string } = {},
): TestClient {
  const sent: string[] = [];
  const records: RequestRecord[] = [];
  const transport = new SignedTransport({
    credentials,
    acceptLanguage: 'en-US',
    userAgent: 'scp-server-explorer-tests',
    timeoutMs: options.timeoutMs ?? 5000,
    retry: options.retry ?? { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 },
    logger: { request: (record) => records.push(record) },
    onSend: (url) => sent.push(url),
  });
  const client = new ScpClient(transport, {
    virtualServerBaseUrl: baseUrl,
    vpcBaseUrl: baseUrl,
    apiVersion: options.apiVersion ?? 'virtualserver 1.1',
  });
  return { client, sent, records };
}
