import * as assert from 'node:assert/strict';
import { describeFiltersLong, describeFiltersShort, describeSort, describeValue } from '../../src/core/filters/filterDescription';

const VPC = 'b1f0c0de7f3e4a51a9e1c2d3e4f50001';
const names = new Map([[VPC, 'prod']]);

describe('filter description', () => {
  it('is empty without filters and sort', () => {
    assert.equal(describeFiltersShort({}, names), '');
    assert.equal(describeFiltersLong({}, names), undefined);
  });

  it('reads short in the view description, in the order of the API parameters, sort last', () => {
    assert.equal(describeFiltersShort({ sort: 'name:asc', vpc_id: VPC, state: 'ACTIVE' }, names), 'state: ACTIVE · vpc: prod · sort: name ↑');
    assert.equal(
      describeFiltersShort({ product_offering: ['gpu_server', 'k8s_vm'], product_category: 'container', server_type_id: 's1v1m2' }, names),
      'category: container · offering: gpu_server, k8s_vm · type: s1v1m2',
    );
  });

  it('cuts long values and unnamed VPC ids in the description only', () => {
    assert.equal(describeFiltersShort({ vpc_id: 'dead0000beef4000a000000000000404' }, names), 'vpc: dead0000…');
    assert.equal(describeFiltersShort({ name: 'a very long server name indeed' }, names), 'name: a very long server…');
    assert.equal(describeValue({ vpc_id: VPC }, 'vpc_id', names), `prod (${VPC})`);
    assert.equal(describeValue({ name: 'a very long server name indeed' }, 'name', names), 'a very long server name indeed');
    assert.equal(describeValue({}, 'ip', names), undefined);
  });

  it('says everything in the message above the tree', () => {
    assert.equal(
      describeFiltersLong({ name: 'R&D sandbox', vpc_id: VPC, sort: 'created_at:asc,name' }, names),
      `Filtered by name: R&D sandbox · vpc: prod (${VPC}). Sorted by created_at ↑, name.`,
    );
    assert.equal(describeFiltersLong({ sort: 'state:desc' }, names), 'Sorted by state ↓.');
  });

  it('writes sort directions as arrows', () => {
    assert.equal(describeSort('created_at:desc'), 'created_at ↓');
    assert.equal(describeSort('name:asc,state'), 'name ↑, state');
  });
});
