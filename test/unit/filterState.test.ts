import * as assert from 'node:assert/strict';
import { deserializeFilters, hasActiveFilters, serializeFilters, withoutFilters, withText, withValues } from '../../src/core/filters/filterState';
import { encodeGoQuery } from '../../src/core/goQuery';
import { serverListQuery } from '../../src/core/filters/serverQuery';

describe('filter state', () => {
  it('sets a text filter trimmed, and removes it when blank or undefined', () => {
    const set = withText({}, 'name', '  web 01 ');
    assert.deepEqual(set, { name: 'web 01' });
    assert.deepEqual(withText(set, 'name', '   '), {});
    assert.deepEqual(withText(set, 'name', undefined), {});
    assert.deepEqual(withText(set, 'state', 'ACTIVE'), { name: 'web 01', state: 'ACTIVE' });
  });

  it('never changes the filters it is given', () => {
    const before = { name: 'a', product_offering: ['k8s_vm'] };
    withText(before, 'name', 'b');
    withValues(before, 'product_offering', []);
    withoutFilters(before);
    assert.deepEqual(before, { name: 'a', product_offering: ['k8s_vm'] });
  });

  it('puts offerings in the API order, drops blanks and duplicates, keeps unknown ones after', () => {
    assert.deepEqual(withValues({}, 'product_offering', ['k8s_gpu_vm', 'gpu_server', ' gpu_server ', '', 'new_thing']), {
      product_offering: ['gpu_server', 'k8s_gpu_vm', 'new_thing'],
    });
    assert.deepEqual(withValues({}, 'product_offering', ['k8s_vm', 'virtual_server']), { product_offering: ['virtual_server', 'k8s_vm'] });
    assert.deepEqual(withValues({ product_offering: ['k8s_vm'] }, 'product_offering', []), {});
  });

  it('counts filters as active, but not a sort alone', () => {
    assert.equal(hasActiveFilters({}), false);
    assert.equal(hasActiveFilters({ sort: 'name:asc' }), false);
    assert.equal(hasActiveFilters({ product_offering: [] }), false);
    assert.equal(hasActiveFilters({ product_offering: ['k8s_vm'] }), true);
    assert.equal(hasActiveFilters({ auto_scaling_group_id: 'x' }), true);
  });

  it('Clear Filters keeps the sort', () => {
    assert.deepEqual(withoutFilters({ name: 'a', vpc_id: 'v', sort: 'name:asc' }), { sort: 'name:asc' });
    assert.deepEqual(withoutFilters({ name: 'a' }), {});
  });

  it('stores a versioned, ordered copy and reads it back', () => {
    const filters = { sort: 'name:asc', vpc_id: 'v1', product_offering: ['k8s_vm', 'gpu_server'], name: '웹서버' };
    const stored = serializeFilters(filters);
    assert.deepEqual(stored, { version: 1, filters: { name: '웹서버', product_offering: ['gpu_server', 'k8s_vm'], vpc_id: 'v1', sort: 'name:asc' } });
    assert.deepEqual(Object.keys(stored.filters), ['name', 'product_offering', 'vpc_id', 'sort']);
    assert.deepEqual(deserializeFilters(JSON.parse(JSON.stringify(stored))), stored.filters);
    assert.deepEqual(serializeFilters(stored.filters), stored, 'storing what was stored changes nothing');
  });

  it('reads junk in storage as no filters, key by key', () => {
    for (const junk of [undefined, null, 'name=web', 42, [], { version: 2, filters: { name: 'x' } }, { version: 1 }, { version: 1, filters: [] }]) {
      assert.deepEqual(deserializeFilters(junk), {}, JSON.stringify(junk));
    }
    assert.deepEqual(
      deserializeFilters({ version: 1, filters: { name: 7, state: ' ACTIVE ', ip: '', product_offering: ['k8s_vm', 3, null], unknown: 'x', vpc_id: { a: 1 } } }),
      { state: 'ACTIVE', product_offering: ['k8s_vm'] },
    );
    assert.deepEqual(deserializeFilters({ version: 1, filters: { product_offering: 'k8s_vm' } }), {});
  });

  it('builds the exact query bytes the SDK would: Korean, spaces and &, the repeated offering key', () => {
    const filters = withValues(withText(withText({}, 'name', 'R&D 웹서버'), 'sort', 'name:asc'), 'product_offering', ['k8s_gpu_vm', 'gpu_server']);
    assert.equal(
      encodeGoQuery(serverListQuery(filters, { limit: 50, marker: 'abc' })),
      'limit=50&marker=abc&name=R%26D+%EC%9B%B9%EC%84%9C%EB%B2%84&product_offering=gpu_server&product_offering=k8s_gpu_vm&sort=name%3Aasc',
    );
    assert.equal(encodeGoQuery(serverListQuery(withoutFilters(filters), { limit: 50 })), 'limit=50&sort=name%3Aasc');
  });
});
