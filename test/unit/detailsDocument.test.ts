import * as assert from 'node:assert/strict';
import { detailsPath, detailsQuery, detailsText, serverIdFromQuery } from '../../src/core/detailsDocument';
import { makeServer } from '../support/serverFixtures';

describe('details document', () => {
  it('is named after the server, as JSON', () => {
    assert.equal(detailsPath({ id: 'x', name: '웹서버-01' }), '/웹서버-01.json');
    assert.equal(detailsPath({ id: 'x', name: 'R&D sandbox' }), '/R&D sandbox.json');
  });

  it('keeps slashes and control characters out of the name, and falls back to the id', () => {
    assert.equal(detailsPath({ id: 'x', name: 'key=value?batch/1' }), '/key=value?batch∕1.json');
    assert.equal(detailsPath({ id: 'x', name: 'a\\b\u0007' }), '/a⧵b.json');
    assert.equal(detailsPath({ id: 'id-9', name: '' }), '/id-9.json');
    assert.equal(detailsPath({ id: 'id-9', name: '\u0001' }), '/id-9.json');
    assert.equal(detailsPath({ id: 'x', name: 'n'.repeat(200) }).length, '/'.length + 80 + '.json'.length);
  });

  it('carries the id in the query and reads it back', () => {
    assert.equal(serverIdFromQuery(detailsQuery('5c0e0000-0000-4000-8000-000000000001')), '5c0e0000-0000-4000-8000-000000000001');
    assert.equal(serverIdFromQuery(detailsQuery('a&b=c d')), 'a&b=c d');
    assert.equal(serverIdFromQuery(''), undefined);
    assert.equal(serverIdFromQuery('id='), undefined);
  });

  it('shows the server object as SCP sent it, indented', () => {
    const server = makeServer('id-1', { metadata: { owner: 'ops' } });
    const text = detailsText(server);
    assert.deepEqual(JSON.parse(text), server);
    assert.ok(text.startsWith('{\n  "id": "id-1"'));
    assert.ok(text.endsWith('}\n'));
  });
});
