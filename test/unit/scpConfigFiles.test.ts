import * as assert from 'node:assert/strict';
import { environmentFromAuthUrl, parseScpConfig, scpConfigFromEnvironment } from '../../src/core/scpConfigFiles';

describe('~/.scpconf files and SCP_TF_* variables', () => {
  it('reads region, environment (from the auth-url host), endpoint and keys', () => {
    const read = parseScpConfig(
      JSON.stringify({ 'auth-url': 'https://iam.s.samsungsdscloud.com/v1', 'default-region': 'kr-east1', 'endpoint-override': '', 'account-id': '' }),
      JSON.stringify({ 'access-key': ' AK ', 'secret-key': 'SK' }),
    );
    assert.deepEqual(read, {
      ok: true,
      value: { region: 'kr-east1', environment: 's', endpoint: undefined, accessKey: 'AK', secretKey: 'SK', problems: [] },
    });
  });

  it('accepts missing files and names the broken one', () => {
    assert.deepEqual(parseScpConfig(undefined, undefined), { ok: true, value: { problems: [] } });
    const broken = parseScpConfig('{"auth-url": ', undefined);
    assert.ok(broken.ok && /config\.json is not valid JSON/.test(broken.value.problems.join()));
    const array = parseScpConfig(undefined, '[]');
    assert.ok(!array.ok && /credentials\.json must hold a JSON object/.test(array.error));
  });

  it('derives the environment letter only from a host with enough labels', () => {
    assert.equal(environmentFromAuthUrl('https://iam.g.samsungsdscloud.com/v1'), 'g');
    assert.equal(environmentFromAuthUrl('https://localhost/v1'), undefined);
    assert.equal(environmentFromAuthUrl('nonsense'), undefined);
  });

  it('reads the environment variables of the official tools', () => {
    assert.deepEqual(
      scpConfigFromEnvironment({ SCP_TF_ACCESS_KEY: 'AK', SCP_TF_SECRET_KEY: 'SK', SCP_TF_AUTH_URL: 'https://iam.e.samsungsdscloud.com/v1' }),
      { accessKey: 'AK', secretKey: 'SK', region: undefined, environment: 'e', endpoint: undefined },
    );
  });
});
