import * as assert from 'node:assert/strict';
import { acceptLanguageFor, checkEndpoint, serviceBaseUrl } from '../../src/core/endpoints';

describe('endpoints', () => {
  it('builds the regional URL of each service', () => {
    assert.deepEqual(serviceBaseUrl('virtualserver', { region: 'kr-west1', environment: 'e' }), {
      ok: true,
      value: 'https://virtualserver.kr-west1.e.samsungsdscloud.com',
    });
    assert.deepEqual(serviceBaseUrl('vpc', { region: 'kr-south2', environment: 'g' }), {
      ok: true,
      value: 'https://vpc.kr-south2.g.samsungsdscloud.com',
    });
  });

  it('rejects an unknown environment or a region of another environment', () => {
    const env = serviceBaseUrl('vpc', { region: 'kr-west1', environment: 'x' });
    assert.ok(!env.ok && /Unknown environment "x"/.test(env.error));
    const region = serviceBaseUrl('vpc', { region: 'kr-south1', environment: 'e' });
    assert.ok(!region.ok && /kr-west1, kr-east1/.test(region.error));
  });

  it('uses one override URL for every service, without a trailing slash', () => {
    assert.deepEqual(serviceBaseUrl('vpc', { region: 'x', environment: 'y', endpoint: 'https://scp.example.internal/api/' }), {
      ok: true,
      value: 'https://scp.example.internal/api',
    });
  });

  it('refuses plain http except to loopback', () => {
    assert.equal(checkEndpoint('http://127.0.0.1:8787').ok, true);
    assert.equal(checkEndpoint('http://localhost:1').ok, true);
    assert.equal(checkEndpoint('http://[::1]:1').ok, true);
    const remote = checkEndpoint('http://scp.example.com');
    assert.ok(!remote.ok && /in clear/.test(remote.error));
    assert.equal(checkEndpoint('not a url').ok, false);
    assert.equal(checkEndpoint('ftp://x').ok, false);
  });

  it('follows the display language unless overridden', () => {
    assert.equal(acceptLanguageFor('ko'), 'ko-KR');
    assert.equal(acceptLanguageFor('ko-kr'), 'ko-KR');
    assert.equal(acceptLanguageFor('en'), 'en-US');
    assert.equal(acceptLanguageFor('de'), 'en-US');
    assert.equal(acceptLanguageFor('ko', 'en-US'), 'en-US');
    assert.equal(acceptLanguageFor('en', 'auto'), 'en-US');
  });
});
