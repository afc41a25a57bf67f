import * as l10n from '@vscode/l10n';

/** One error type for everything an SCP call can end in, with a message that says what happened and what to do. */

export type ScpErrorKind =
  | 'auth'
  | 'forbidden'
  | 'badRequest'
  | 'notFound'
  | 'versionUnsupported'
  | 'throttled'
  | 'server'
  | 'network'
  | 'timeout'
  | 'badResponse'
  | 'cancelled'
  | 'config';

export interface ScpErrorDetails {
  status?: number;
  /** The API's own code, e.g. `NoSuchVersion`. */
  code?: string;
  requestId?: string;
  /** How many retries were made before giving up. */
  retries?: number;
}

export class ScpError extends Error {
  override readonly name = 'ScpError';

  constructor(
    readonly kind: ScpErrorKind,
    message: string,
    readonly details: ScpErrorDetails = {},
  ) {
    super(message);
  }

  /** The same error after `retries` attempts more, so the message can say the retries were made. */
  withRetries(retries: number): ScpError {
    if (retries === 0) {
      return this;
    }
    const message =
      retries === 1 ? l10n.t('{0} (gave up after 1 retry)', this.message) : l10n.t('{0} (gave up after {1} retries)', this.message, retries);
    return new ScpError(this.kind, message, { ...this.details, retries });
  }
}

export function isScpError(value: unknown): value is ScpError {
  return value instanceof ScpError;
}
