/**
 * The SCP OpenAPI gateway's request check (docs/scp-api-facts.md#request-signing), as the emulator enforces it on every request:
 * the four Scp-* headers, a fresh timestamp, a known access key, and
 *
 *     signature = Base64(HMAC-SHA256(secretKey, METHOD + FULL_URL + TIMESTAMP + ACCESS_KEY + ACCOUNT_ID + "Openapi"))
 *
 * with ACCOUNT_ID empty and FULL_URL = "http://" + Host header + the request-target exactly as it arrived
 * (never decoded, re-encoded or reordered: a client that changes the query after signing is rejected).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const CLIENT_TYPE = 'Openapi';
/** How far Scp-Timestamp may be from the emulator's clock, either way. The real limit is undocumented. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface Credential {
  accessKey: string;
  secretKey: string;
  /** Simulates missing IAM permissions: 'all' → every request is 403; 'vpcs' → only `/v1/vpcs` is 403. */
  forbidden?: 'all' | 'vpcs';
}

function stringToSign(method: string, fullUrl: string, timestamp: string, accessKey: string, accountId = ''): string {
  return `${method}${fullUrl}${timestamp}${accessKey}${accountId}${CLIENT_TYPE}`;
}

function computeSignature(secretKey: string, text: string): string {
  return createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(text, 'utf8').digest('base64');
}

/** The URL the client must have signed. An absolute-form target (sent to a proxy) already is the full URL. */
function fullUrlOf(host: string, rawTarget: string): string {
  return /^https?:\/\//i.test(rawTarget) ? rawTarget : `http://${host}${rawTarget}`;
}

export type GatewayVerdict = { ok: true; credential: Credential } | { ok: false; reason: string };

export interface GatewayRequest {
  method: string;
  rawTarget: string;
  headers: IncomingHttpHeaders;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Same-time comparison of two strings, whatever their lengths. */
function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(right, right);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** Checks one request; the reason (for the 401 detail) never contains the signature or a secret. */
export function verifyGateway(request: GatewayRequest, credentials: readonly Credential[], nowMs: number): GatewayVerdict {
  const accessKey = header(request.headers, 'scp-accesskey');
  const timestamp = header(request.headers, 'scp-timestamp');
  const clientType = header(request.headers, 'scp-clienttype');
  const signature = header(request.headers, 'scp-signature');
  const host = header(request.headers, 'host');

  const missing = [
    ['Scp-AccessKey', accessKey],
    ['Scp-Timestamp', timestamp],
    ['Scp-ClientType', clientType],
    ['Scp-Signature', signature],
    ['Host', host],
  ].filter(([, value]) => value === undefined || value === '').map(([name]) => name);
  if (missing.length > 0 || accessKey === undefined || timestamp === undefined || signature === undefined || host === undefined) {
    return { ok: false, reason: `missing header(s): ${missing.join(', ')}` };
  }
  if (clientType !== CLIENT_TYPE) {
    return { ok: false, reason: `Scp-ClientType must be ${CLIENT_TYPE}` };
  }
  if (!/^\d{1,16}$/.test(timestamp)) {
    return { ok: false, reason: 'Scp-Timestamp must be the Unix time in milliseconds (decimal digits)' };
  }
  if (Math.abs(nowMs - Number(timestamp)) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: `timestamp outside the allowed window (±${MAX_CLOCK_SKEW_MS / 1000} s of the server clock): check the computer's clock` };
  }
  const credential = credentials.find((candidate) => candidate.accessKey === accessKey);
  if (!credential) {
    return { ok: false, reason: 'unknown access key' };
  }
  const expected = computeSignature(credential.secretKey, stringToSign(request.method, fullUrlOf(host, request.rawTarget), timestamp, accessKey));
  if (!constantTimeEqual(signature, expected)) {
    return { ok: false, reason: 'signature mismatch: sign METHOD + the exact URL sent + Scp-Timestamp + access key + "Openapi"' };
  }
  return { ok: true, credential };
}
