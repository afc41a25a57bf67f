import { ScpError } from './scpError';

/**
 * Turns an HTTP error response into an ScpError. Handles every body shape seen from the SCP gateway
 * (scp-api.md §5): `errors[]` with `detail` as an array or a string, Spring's 404 body on badly signed
 * requests, the WAF's HTML page on 417, and anything that is not JSON at all.
 */

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

/** Reads whatever the body says; never throws. */
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

const CHECK_KEYS = 'check the access key and secret key (they may have expired or been deleted) and that this computer\'s clock is right';

export function errorFromResponse(status: number, body: string, contentType: string, context: RequestContext): ScpError {
  const summary = summarizeErrorBody(body, contentType);
  const said = summary.detail ?? summary.title;
  const saying = said ? `: ${said}` : '';
  const details = { status, code: summary.code, requestId: summary.requestId };

  if (status === 401) {
    return new ScpError('auth', `SCP did not accept the access key or signature (401${saying}). To fix it, ${CHECK_KEYS}.`, details);
  }
  if (status === 404 && summary.springError) {
    return new ScpError(
      'auth',
      `SCP answered 404 Not Found for ${context.what}. The SCP gateway answers this way when it does not accept a request's signature: ${CHECK_KEYS}. If they are right, check the endpoint settings.`,
      details,
    );
  }
  if (status === 403) {
    return new ScpError(
      'forbidden',
      `The access key is not allowed to ${context.what} (403${saying}). Ask your SCP administrator for the IAM permission, or use another access key.`,
      details,
    );
  }
  if (status === 406 || summary.code === 'NoSuchVersion') {
    return new ScpError(
      'versionUnsupported',
      `SCP does not support the API version "${context.apiVersion}" (${status}${saying}). Choose another version in the setting scpExplorer.apiVersion.`,
      details,
    );
  }
  if (status === 417 || status === 429) {
    const by = summary.html ? 'its firewall rejected the request' : 'too many requests';
    return new ScpError('throttled', `SCP is limiting requests (${status}: ${by}). Wait a minute, then retry.`, details);
  }
  if (status === 400 || status === 422) {
    return new ScpError('badRequest', `SCP rejected the request ${context.what} (${status}${saying}). Check the filters and settings.`, details);
  }
  if (status === 404) {
    return new ScpError('notFound', `SCP found nothing for ${context.what} (404${saying}). It may have been deleted; refresh the list.`, details);
  }
  if (status >= 500) {
    const id = summary.requestId ? ` Request id: ${summary.requestId}.` : '';
    return new ScpError('server', `SCP had a server error (${status}${saying}). Retry in a moment.${id}`, details);
  }
  return new ScpError('badResponse', `SCP answered ${context.what} with an unexpected status ${status}${saying}.`, details);
}

export function badResponse(context: RequestContext, why: string): ScpError {
  return new ScpError(
    'badResponse',
    `SCP answered ${context.what} with ${why}. Retry; if it keeps happening, check that the endpoint settings point at the SCP API.`,
  );
}
