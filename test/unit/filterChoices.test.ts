import * as assert from 'node:assert/strict';
import { autoScalingGroupChoices, serverTypeChoices, vpcChoices } from '../../src/core/filters/filterChoices';
import { makeServer } from '../support/serverFixtures';

const servers = [
  makeServer('1', { vpc_id: 'vpc-a', auto_scaling_group_id: 'asg-2' }),
  makeServer('2', { vpc_id: 'vpc-a', auto_scaling_group_id: 'asg-1' }),
  makeServer('3', { vpc_id: 'vpc-x', auto_scaling_group_id: 'asg-1', server_type: { id: 's1v16m64', name: 's1v16m64', vcpus: 16, ram: 65536, disk: 200 } }),
  makeServer('4', { vpc_id: null, server_type: { name: 'legacy', vcpus: 1, ram: 512, disk: 20 } }),
];

describe('filter choices', () => {
  it('lists VPCs from the VPC API and the loaded servers, named first', () => {
    assert.deepEqual(vpcChoices(new Map([['vpc-a', 'prod'], ['vpc-b', 'dev']]), servers), [
      { value: 'vpc-b', label: 'dev', description: 'vpc-b' },
      { value: 'vpc-a', label: 'prod', description: 'vpc-a · 2 loaded' },
      { value: 'vpc-x', label: 'vpc-x', description: 'name unknown · 1 loaded' },
    ]);
    assert.deepEqual(vpcChoices(new Map(), []), []);
  });

  it('lists server types with an id, in natural order, with their size', () => {
    assert.deepEqual(serverTypeChoices(servers), [
      { value: 's1v2m4', label: 's1v2m4', description: '2 vCPU · 4 GB RAM · 2 loaded' },
      { value: 's1v16m64', label: 's1v16m64', description: '16 vCPU · 64 GB RAM · 200 GB disk · 1 loaded' },
    ]);
  });

  it('lists auto-scaling groups, most members first', () => {
    assert.deepEqual(autoScalingGroupChoices(servers), [
      { value: 'asg-1', label: 'asg-1', description: '2 loaded' },
      { value: 'asg-2', label: 'asg-2', description: '1 loaded' },
    ]);
  });
});
