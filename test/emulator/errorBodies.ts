/**
 * The bodies the SCP gateway and services answer with when something is wrong (docs/scp-api-facts.md#errors-and-retries).
 */
import { STATUS_CODES } from 'node:http';
import { gzipSync } from 'node:zlib';

/** One entry of the usual `{"errors": [...]}` envelope. */
export interface ScpErrorEntry {
  code: string;
  title: string;
  /** Usually an array of strings; sometimes one string (docs/scp-api-facts.md#errors-and-retries). */
  detail: string[] | string;
  status: number;
  request_id: string;
  global_request_id: string;
  links: unknown[];
  related_resources: unknown[];
  response: Record<string, unknown>;
}

/** The error codes the emulator uses; other statuses get their reason phrase in PascalCase (503 → ServiceUnavailable). */
const CODES: Record<number, string> = {
  400: 'InvalidParameter',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NoSuchVersion',
};

function errorCodeFor(status: number): string {
  return CODES[status] ?? (STATUS_CODES[status] ?? `Http${status}`).replace(/[^A-Za-z0-9]+/g, ' ').split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

export interface RequestIds {
  requestId: string;
  globalRequestId: string;
}

/** `{"errors":[{code,title,detail,status,request_id,global_request_id,links,related_resources,response}]}` */
export function errorsBody(status: number, detail: string[] | string, ids: RequestIds, code = errorCodeFor(status), title?: string): string {
  const entry: ScpErrorEntry = {
    code,
    title: title ?? STATUS_CODES[status] ?? `HTTP ${status}`,
    detail,
    status,
    request_id: ids.requestId,
    global_request_id: ids.globalRequestId,
    links: [],
    related_resources: [],
    response: {},
  };
  return JSON.stringify({ errors: [entry] });
}

/** What the gateway was seen answering for unknown paths and (sometimes) unauthenticated requests. */
export function spring404Body(path: string, ids: RequestIds): string {
  return JSON.stringify({ timestamp: new Date().toISOString(), path, status: 404, error: 'Not Found', requestId: ids.requestId });
}

/** The WAF's page for a rejected burst (answered with 417). */
export function wafRejectedHtml(supportId: string): string {
  return [
    '<html><head><title>Request Rejected</title></head><body>',
    'The requested URL was rejected. Please consult with your administrator.<br><br>',
    `Your support ID is: ${supportId}<br><br>`,
    "<a href='javascript:history.back();'>[Go Back]</a></body></html>",
  ].join('');
}

/** A page a proxy or a login portal might put where JSON was expected. */
export function notJsonHtml(): string {
  return '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1></body></html>';
}

export function plainTextBody(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

/** 40 MiB of a JSON list that never ends, gzip-compressed to about 40 KiB; made once, on first use. */
let gzipBombBody: Buffer | undefined;
export function gzipBomb(): Buffer {
  gzipBombBody ??= gzipSync(Buffer.concat([Buffer.from('{"servers":['), Buffer.alloc(40 * 1024 * 1024, 0x20)]), { level: 9 });
  return gzipBombBody;
}
