import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, checkSettings } from '../../src/core/settingsValidation';

describe('settings validation', () => {
  it('takes defaults for unset settings without complaint', () => {
    assert.deepEqual(checkSettings({}), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid values, trimmed', () => {
    const { settings, problems } = checkSettings({ region: ' kr-east1 ', pageSize: 1000, groupBy: 'none', apiVersion: 'virtualserver 1.3' });
    assert.deepEqual(problems, []);
    assert.equal(settings.region, 'kr-east1');
    assert.equal(settings.pageSize, 1000);
    assert.equal(settings.groupBy, 'none');
    assert.equal(settings.apiVersion, 'virtualserver 1.3');
  });

  it('clamps a page size out of range and says so', () => {
    const { settings, problems } = checkSettings({ pageSize: 5000 });
    assert.equal(settings.pageSize, 1000);
    assert.deepEqual(problems, ['scpExplorer.pageSize must be a whole number from 1 to 1000 (it is 5000); using 1000.']);
    assert.equal(checkSettings({ pageSize: 0 }).settings.pageSize, 1);
    assert.equal(checkSettings({ pageSize: 'ten' }).settings.pageSize, 50);
    assert.equal(checkSettings({ pageSize: 2.5 }).problems.length, 1);
  });

  it('names every unusable value with what is used instead', () => {
    const { settings, problems } = checkSettings({
      apiVersion: 'v2',
      acceptLanguage: 'fr',
      groupBy: 'colour',
      requestTimeoutSeconds: -1,
      region: 42,
    });
    assert.equal(settings.apiVersion, 'auto');
    assert.equal(settings.groupBy, 'vpcState');
    assert.equal(settings.requestTimeoutSeconds, 1);
    assert.equal(settings.region, 'kr-west1');
    assert.equal(problems.length, 5);
    for (const key of ['apiVersion', 'acceptLanguage', 'groupBy', 'requestTimeoutSeconds', 'region']) {
      assert.ok(problems.some((problem) => problem.startsWith(`scpExplorer.${key} `)), key);
    }
  });
});
