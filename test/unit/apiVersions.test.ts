// What a version catalog says, and which version `auto` picks from it (docs/scp-api-facts.md, API versions).
import * as assert from 'node:assert/strict';
import { parseVersionCatalog, pickVersion, versionAdvice } from '../../src/core/apiVersions';

const TODAY = Date.parse('2026-03-01T12:00:00Z');
const catalog = parseVersionCatalog({
  versions: [
    { id: 'v1.1', links: [], not_before: '2026-05-31', status: 'DEPRECATED' },
    { id: 'v1.2', links: [], not_before: '2026-08-31', status: 'SUPPORTED' },
    { id: 'v1.3', links: [], not_before: null, status: 'CURRENT' },
    { id: 'v1.4', links: [], not_before: null, status: 'PLANNED' },
  ],
});

describe('API versions', () => {
  it('reads the catalog into header form, skipping entries it cannot read', () => {
    assert.deepEqual(catalog?.slice(0, 2), [
      { version: 'virtualserver 1.1', status: 'DEPRECATED', notBefore: '2026-05-31' },
      { version: 'virtualserver 1.2', status: 'SUPPORTED', notBefore: '2026-08-31' },
    ]);
    assert.deepEqual(parseVersionCatalog({ versions: [{ id: 'latest' }, 'v1.3', { id: 'v2.0', status: 'NEW', not_before: 'soon' }] }), [
      { version: 'virtualserver 2.0', status: 'UNKNOWN', notBefore: undefined },
    ]);
    assert.equal(parseVersionCatalog({ servers: [] }), undefined);
    assert.equal(parseVersionCatalog('<html>'), undefined);
  });

  it('picks the newest CURRENT or SUPPORTED version the extension knows', () => {
    assert.equal(pickVersion(catalog ?? []), 'virtualserver 1.3');
    const withoutCurrent = (catalog ?? []).filter((entry) => entry.status !== 'CURRENT');
    assert.equal(pickVersion(withoutCurrent), 'virtualserver 1.2', 'PLANNED 1.4 and DEPRECATED 1.1 are not picked');
    assert.equal(pickVersion(parseVersionCatalog({ versions: [{ id: 'v1.10', status: 'CURRENT' }, { id: 'v1.9', status: 'SUPPORTED' }] }) ?? []), undefined);
    assert.equal(pickVersion([{ version: 'virtualserver 1.2', status: 'CURRENT' }, { version: 'virtualserver 1.10', status: 'CURRENT' }], ['virtualserver 1.2', 'virtualserver 1.10']), 'virtualserver 1.10');
  });

  it('advises a switch from a DEPRECATED version, or one ending within 90 days', () => {
    assert.deepEqual(versionAdvice(catalog ?? [], 'virtualserver 1.1', TODAY), {
      inUse: 'virtualserver 1.1',
      suggested: 'virtualserver 1.3',
      deprecated: true,
      notBefore: '2026-05-31',
    });
    assert.equal(versionAdvice(catalog ?? [], 'virtualserver 1.2', TODAY), undefined, 'SUPPORTED, 183 days left');
    assert.equal(versionAdvice(catalog ?? [], 'virtualserver 1.2', Date.parse('2026-06-02T00:00:00Z'))?.deprecated, false, '90 days left');
    assert.equal(versionAdvice(catalog ?? [], 'virtualserver 1.2', Date.parse('2026-06-01T00:00:00Z')), undefined, '91 days left');
    assert.equal(versionAdvice(catalog ?? [], 'virtualserver 1.3', TODAY), undefined, 'nothing newer');
    assert.equal(versionAdvice(catalog ?? [], 'virtualserver 1.0', TODAY), undefined, 'not in the catalog');
  });
});
