import * as l10n from '@vscode/l10n';

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
  code?: string;
  requestId?: string;
  retries?: number;
}

export class ScpError extends Error {
  override readonly name = 'ScpError';
  /** For notifications, which turn `[label](command:…)` into a link: no text from SCP, a header or a setting. */
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
