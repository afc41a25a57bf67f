import * as l10n from '@vscode/l10n';
import { ScpError } from './scpError';

/** Node's socket error codes, in words a user can act on. Looked up when needed, so the words are translated. */
function networkCause(code: string): string | undefined {
  switch (code) {
    case 'ECONNREFUSED':
      return l10n.t('the connection was refused');
    case 'ECONNRESET':
      return l10n.t('the connection was reset');
    case 'EPIPE':
      return l10n.t('the connection was closed');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return l10n.t('the host name could not be resolved');
    case 'EHOSTUNREACH':
      return l10n.t('the host is unreachable');
    case 'ENETUNREACH':
      return l10n.t('the network is unreachable');
    case 'CERT_HAS_EXPIRED':
      return l10n.t('its TLS certificate has expired');
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return l10n.t('its TLS certificate could not be verified');
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return l10n.t('its TLS certificate is signed by an unknown authority (an SSL-inspecting proxy?)');
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return l10n.t('its TLS certificate is self-signed');
    case 'ERR_BAD_RESPONSE':
      return l10n.t('the answer was cut off');
    default:
      return undefined;
  }
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ETIMEDOUT', 'ERR_BAD_RESPONSE'].includes(code);
}

export function networkError(host: string, code: string | undefined): ScpError {
  const cause = (code && networkCause(code)) || (code ? l10n.t('the request failed ({0})', code) : l10n.t('the request failed'));
  // The notices leave the host out: it comes from a setting (see ScpError.notice).
  return new ScpError(
    'network',
    l10n.t('Could not reach SCP at {0}: {1}. Check the network connection and proxy (http.proxy), and the endpoint settings.', host, cause),
    { code },
    l10n.t('Could not reach SCP: {0}. Check the network connection and proxy (http.proxy), and the endpoint settings.', cause),
  );
}

/** Not retried: the same endpoint would send the same again. */
export function responseTooLargeError(host: string, maxBytes: number): ScpError {
  const mebibytes = Math.round(maxBytes / (1024 * 1024));
  const advice = l10n.t('Check that the endpoint settings point at the SCP API and that no proxy changes its answers.');
  return new ScpError(
    'badResponse',
    l10n.t('SCP at {0} sent an answer larger than {1} MiB, far more than any list of servers, so it was not read. {2}', host, mebibytes, advice),
    {},
    l10n.t('SCP sent an answer larger than {0} MiB, far more than any list of servers, so it was not read. {1}', mebibytes, advice),
  );
}

export function timeoutError(host: string, timeoutMs: number): ScpError {
  const seconds = Math.round(timeoutMs / 1000);
  return new ScpError(
    'timeout',
    l10n.t('SCP at {0} did not answer within {1} s. Check the network connection, or raise the setting scpExplorer.requestTimeoutSeconds.', host, seconds),
    {},
    l10n.t('SCP did not answer within {0} s. Check the network connection, or raise the setting scpExplorer.requestTimeoutSeconds.', seconds),
  );
}

export function cancelledError(): ScpError {
  return new ScpError('cancelled', l10n.t('The request was cancelled.'));
}
