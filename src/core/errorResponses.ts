// Every body shape seen from the gateway (docs/scp-api-facts.md#errors-and-retries): `errors[]` with `detail` as an array or
// a string, Spring's 404 body on badly signed requests, the WAF's HTML page on 417, and no JSON at all.
import * as l10n from '@vscode/l10n';
import { ScpError, type ScpErrorKind } from './scpError';

export interface RequestContext {
  /** e.g. `GET /v1/servers` — never the query, which may hold what the user typed. */
  what: string;
  apiVersion: string;
}

interface ErrorSummary {
  code?: string;
  title?: string;
  detail?: string;
  requestId?: string;
  springError?: boolean;
  html?: boolean;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() || undefined;
  }
  if (Array.isArray(value)) {
    const parts = value.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function summarizeErrorBody(body: string, contentType = ''): ErrorSummary {
  const trimmed = body.trim();
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return { html: true, title: title || undefined };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { detail: trimmed ? trimmed.slice(0, 200) : undefined };
  }
  if (!isRecord(parsed)) {
    return {};
  }
  if (Array.isArray(parsed.errors) && isRecord(parsed.errors[0])) {
    const first = parsed.errors[0];
    return {
      code: asText(first.code),
      title: asText(first.title),
      detail: asText(first.detail),
      requestId: asText(first.request_id) ?? asText(first.global_request_id),
    };
  }
  if ('timestamp' in parsed && 'error' in parsed && 'status' in parsed) {
    return { springError: true, title: asText(parsed.error), requestId: asText(parsed.requestId) };
  }
  return { title: asText(parsed.message) ?? asText(parsed.error) };
}

function checkKeys(): string {
  return l10n.t("check the access key and secret key (they may have expired or been deleted) and that this computer's clock is right");
}

/** Each message is built twice: with what SCP said (tree row, log) and without it (the notice, see ScpError.notice). */
export function errorFromResponse(status: number, body: string, contentType: string, context: RequestContext): ScpError {
  const summary = summarizeErrorBody(body, contentType);
  const said = summary.detail ?? summary.title;
  const answered = (code: number): string => (said ? l10n.t('{0}: {1}', code, said) : String(code));
  const details = { status, code: summary.code, requestId: summary.requestId };
  const error = (kind: ScpErrorKind, build: (answer: (code: number) => string) => string): ScpError =>
    new ScpError(kind, build(answered), details, build(String));

  if (status === 401) {
    return error('auth', (answer) => l10n.t('SCP did not accept the access key or signature ({0}). To fix it, {1}.', answer(401), checkKeys()));
  }
  if (status === 404 && summary.springError) {
    return new ScpError(
      'auth',
      l10n.t(
        "SCP answered 404 Not Found for {0}. The SCP gateway answers this way when it does not accept a request's signature: {1}. If they are right, check the endpoint settings.",
        context.what,
        checkKeys(),
      ),
      details,
    );
  }
  if (status === 403) {
    return error('forbidden', (answer) =>
      l10n.t(
        'The access key is not allowed to {0} ({1}). Ask your SCP administrator for the IAM permission, or use another access key.',
        context.what,
        answer(403),
      ),
    );
  }
  if (status === 406 || summary.code === 'NoSuchVersion') {
    return error('versionUnsupported', (answer) =>
      l10n.t(
        'SCP does not support the API version "{0}" ({1}). Choose another version in the setting scpExplorer.apiVersion.',
        context.apiVersion,
        answer(status),
      ),
    );
  }
  if (status === 417 || status === 429) {
    const by = summary.html ? l10n.t('its firewall rejected the request') : l10n.t('too many requests');
    return new ScpError('throttled', l10n.t('SCP is limiting requests ({0}: {1}). Wait a minute, then retry.', status, by), details);
  }
  if (status === 400 || status === 422) {
    return error('badRequest', (answer) =>
      l10n.t('SCP rejected the request {0} ({1}). Check the filters and settings.', context.what, answer(status)),
    );
  }
  if (status === 404) {
    return error('notFound', (answer) =>
      l10n.t('SCP found nothing for {0} ({1}). It may have been deleted; refresh the list.', context.what, answer(404)),
    );
  }
  if (status >= 500) {
    const serverError = (answer: string | number): string => l10n.t('SCP had a server error ({0}). Retry in a moment.', answer);
    const message = serverError(answered(status));
    const withId = summary.requestId ? l10n.t('{0} Request id: {1}.', message, summary.requestId) : message;
    return new ScpError('server', withId, details, serverError(status));
  }
  const bare = l10n.t('SCP answered {0} with an unexpected status {1}.', context.what, status);
  const unexpected = said ? l10n.t('SCP answered {0} with an unexpected status {1}: {2}.', context.what, status, said) : bare;
  return new ScpError('badResponse', unexpected, details, bare);
}

/** `why` says what came back, e.g. "malformed JSON" (translated by the caller); it may name a header's value. */
export function badResponse(context: RequestContext, why: string): ScpError {
  return new ScpError(
    'badResponse',
    l10n.t('SCP answered {0} with {1}. Retry; if it keeps happening, check that the endpoint settings point at the SCP API.', context.what, why),
    {},
    l10n.t('SCP answered {0} with something it could not read. Retry; if it keeps happening, check that the endpoint settings point at the SCP API.', context.what),
  );
}
