import * as assert from 'node:assert/strict';
import { errorFromResponse, summarizeErrorBody } from '../../src/core/errorResponses';

const context = { what: 'GET /v1/servers', apiVersion: 'virtualserver 1.1' };
const envelope = (status: number, code: string, detail: unknown): string =>
  JSON.stringify({ errors: [{ code, title: 'Title', detail, status, request_id: 'req-1', links: [] }] });

describe('error responses (docs/scp-api-facts.md#errors-and-retries)', () => {
  it('reads errors[] with detail as an array', () => {
    const error = errorFromResponse(400, envelope(400, 'InvalidParameter', ['limit must be 1..1000', 'bad sort']), 'application/json', context);
    assert.equal(error.kind, 'badRequest');
    assert.match(error.message, /limit must be 1\.\.1000; bad sort/);
    assert.equal(error.details.requestId, 'req-1');
  });

  it('reads errors[] with detail as a string', () => {
    const error = errorFromResponse(403, envelope(403, 'Forbidden', 'no virtualserver:ListServers'), 'application/json', context);
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /no virtualserver:ListServers/);
    assert.match(error.message, /IAM permission/);
  });

  it('treats Spring 404 as a rejected signature and mentions keys and clock', () => {
    const body = JSON.stringify({ timestamp: '2026-11-29T00:00:00', path: '/v1/servers', status: 404, error: 'Not Found', requestId: 'r' });
    const error = errorFromResponse(404, body, 'application/json', context);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /clock/);
    assert.match(error.message, /secret key/);
  });

  it('names the version setting on 406', () => {
    const error = errorFromResponse(406, envelope(406, 'NoSuchVersion', 'unsupported'), 'application/json', context);
    assert.equal(error.kind, 'versionUnsupported');
    assert.match(error.message, /scpExplorer\.apiVersion/);
    assert.match(error.message, /virtualserver 1\.1/);
  });

  it('recognises the WAF HTML page on 417', () => {
    const html = '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>';
    assert.equal(summarizeErrorBody(html, 'text/html').title, 'Request Rejected');
    const error = errorFromResponse(417, html, 'text/html', context);
    assert.equal(error.kind, 'throttled');
    assert.match(error.message, /firewall/);
  });

  it('keeps a non-JSON body short and still classifies by status', () => {
    const error = errorFromResponse(502, 'Bad Gateway '.repeat(100), 'text/plain', context);
    assert.equal(error.kind, 'server');
    assert.ok(error.message.length < 400, error.message);
  });

  it('401 mentions the clock and the keys', () => {
    const error = errorFromResponse(401, envelope(401, 'Unauthorized', ['signature mismatch']), 'application/json', context);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /clock/);
    assert.match(error.message, /access key/);
  });
});
