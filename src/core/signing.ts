import { createHmac } from 'node:crypto';

const CLIENT_TYPE = 'Openapi';

export interface AccessKey {
  accessKey: string;
  secretKey: string;
}

// docs/scp-api-facts.md#request-signing. `fullUrl` must be exactly the URL sent on the wire; the account id is empty in
// practice, as in the official provider.
export function signRequest(method: string, fullUrl: string, timestampMs: string, key: AccessKey, accountId = ''): string {
  const message = method.toUpperCase() + fullUrl + timestampMs + key.accessKey + accountId + CLIENT_TYPE;
  return createHmac('sha256', Buffer.from(key.secretKey, 'utf8')).update(message, 'utf8').digest('base64');
}

/** The authentication headers of one request; the signature is the only secret-derived value among them. */
export function authHeaders(method: string, fullUrl: string, key: AccessKey, now: number): Record<string, string> {
  const timestamp = String(now);
  return {
    'Scp-AccessKey': key.accessKey,
    'Scp-Timestamp': timestamp,
    'Scp-ClientType': CLIENT_TYPE,
    'Scp-Signature': signRequest(method, fullUrl, timestamp, key),
  };
}
