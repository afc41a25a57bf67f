import * as assert from 'node:assert/strict';
import { authHeaders, signRequest } from '../../src/core/signing';

// Expected values were computed outside this code base, e.g.
//   printf '%s' "$message" | openssl dgst -sha256 -hmac "$secret" -binary | base64
describe('request signing (docs/scp-api-facts.md#request-signing)', () => {
  it('matches the documented example string', () => {
    const url = 'https://virtualserver.kr-west1.e.samsungsdscloud.com/v1/servers?limit=50&marker=abc';
    assert.equal(
      signRequest('GET', url, '1718000000000', { accessKey: 'AK', secretKey: 'secret-key' }),
      'DZRnnH/yo5O1SFBL6msT8jOCFPVDLDi4ednHANVe94E=',
    );
  });

  it('signs a UTF-8 secret and an escaped Korean, repeated-key query', () => {
    const url =
      'http://127.0.0.1:8787/v1/servers?limit=50&name=%EC%9B%B9+a%2Bb%26c%25&product_offering=gpu_server&product_offering=virtual_server';
    assert.equal(
      signRequest('GET', url, '1764400000000', { accessKey: 'DEMO-ACCESS-KEY', secretKey: '비밀키-secret' }),
      'jVMFJQqQJ38xEcNp3UnM5r5MjPaX8vf3kAE2MzRYYak=',
    );
  });

  it('upper-cases the method and signs a URL without a query', () => {
    assert.equal(
      signRequest('get', 'https://vpc.kr-west1.e.samsungsdscloud.com/v1/vpcs', '1700000000000', { accessKey: 'AK', secretKey: 's' }),
      'L7KNIPmKnsjpUiQ0EGVcfpKjOOq7uc/flkA04MvbQTA=',
    );
  });

  it('puts the timestamp in milliseconds and the client type in the headers', () => {
    const headers = authHeaders('GET', 'https://h/v1/vpcs', { accessKey: 'AK', secretKey: 's' }, 1700000000000);
    assert.deepEqual(Object.keys(headers).sort(), ['Scp-AccessKey', 'Scp-ClientType', 'Scp-Signature', 'Scp-Timestamp']);
    assert.equal(headers['Scp-Timestamp'], '1700000000000');
    assert.equal(headers['Scp-ClientType'], 'Openapi');
    assert.equal(headers['Scp-AccessKey'], 'AK');
  });
});
