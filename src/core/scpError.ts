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
  /**
   * The extension's own sentence, for notifications: none of the text that SCP, a header or a setting supplied
   * (VS Code turns `[label](command:…)` in a notification into a link that runs a command). `message` may quote
   * that text; it goes to the tree row, which shows plain text, and to the log.
   */
  readonly notice: string;

  constructor(
    readonly kind: ScpErrorKind,
    message: string,
    readonly details: ScpErrorDetails = {},
    notice?: string,
  ) {
    super(message);
    this.notice = notice ?? message;
  }

  /** The same error after `retries` attempts more, so the message can say the retries were made. */
  withRetries(retries: number): ScpError {
    if (retries === 0) {
      return this;
    }
    const said = (text: string): string =>
      retries === 1 ? l10n.t('{0} (gave up after 1 retry)', text) : l10n.t('{0} (gave up after {1} retries)', text, retries);
    return new ScpError(this.kind, said(this.message), { ...this.details, retries }, said(this.notice));
  }
}

export function isScpError(value: unknown): value is ScpError {
  return value instanceof ScpError;
}
