import { ScpError } from './scpError';

/** Node's socket error codes, in words a user can act on. */
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is signed by an unknown authority (an SSL-inspecting proxy?)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  ERR_BAD_RESPONSE: 'the answer was cut off',
};

export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ETIMEDOUT', 'ERR_BAD_RESPONSE'].includes(code);
}

export function networkError(host: string, code: string | undefined): ScpError {
  const cause = (code && NETWORK_CAUSES[code]) ?? `the request failed${code ? ` (${code})` : ''}`;
  return new ScpError(
    'network',
    `Could not reach SCP at ${host}: ${cause}. Check the network connection and proxy (http.proxy), and the endpoint settings.`,
    { code },
  );
}

export function timeoutError(host: string, timeoutMs: number): ScpError {
  return new ScpError(
    'timeout',
    `SCP at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s. Check the network connection, or raise the setting scpExplorer.requestTimeoutSeconds.`,
  );
}

export function cancelledError(): ScpError {
  return new ScpError('cancelled', 'The request was cancelled.');
}
