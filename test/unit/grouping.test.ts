import * as assert from 'node:assert/strict';
import { groupServers, type Group } from '../../src/core/grouping';
import { compareStates } from '../../src/core/serverStates';
import { makeServer } from '../support/serverFixtures';

const names = new Map([
  ['vpc-b', 'alpha'],
  ['vpc-a', 'beta'],
]);
const servers = [
  makeServer('1', { vpc_id: 'vpc-a', state: 'SHUTOFF' }),
  makeServer('2', { vpc_id: 'vpc-b', state: 'ACTIVE' }),
  makeServer('3', { vpc_id: null, state: 'ERROR' }),
  makeServer('4', { vpc_id: 'vpc-a', state: 'ACTIVE' }),
  makeServer('5', { vpc_id: 'vpc-zzz', state: 'WEIRD_NEW_STATE' }),
  makeServer('6', { state: 'BUILD' }),
  makeServer('7', { vpc_id: 'vpc-a', state: 'ACTIVE' }),
];

const shape = (groups: Group[]): unknown =>
  groups.map((group) => ({ id: group.id, count: group.count, servers: group.servers.map((s) => s.id), children: shape(group.children) }));

describe('grouping', () => {
  it('orders states: ACTIVE, transitional, SHUTOFF, ERROR, then unknown by name', () => {
    assert.deepEqual(['ZED', 'ERROR', 'SHUTOFF', 'BUILD', 'ACTIVE', 'ABC', 'REBOOT'].sort(compareStates), [
      'ACTIVE',
      'BUILD',
      'REBOOT',
      'SHUTOFF',
      'ERROR',
      'ABC',
      'ZED',
    ]);
  });

  it('groups by VPC (by name, unnamed ids after, no VPC last) then state, keeping API order inside', () => {
    assert.deepEqual(shape(groupServers(servers, 'vpcState', names)), [
      { id: 'vpc/vpc-b', count: 1, servers: [], children: [{ id: 'vpc/vpc-b/state/ACTIVE', count: 1, servers: ['2'], children: [] }] },
      {
        id: 'vpc/vpc-a',
        count: 3,
        servers: [],
        children: [
          { id: 'vpc/vpc-a/state/ACTIVE', count: 2, servers: ['4', '7'], children: [] },
          { id: 'vpc/vpc-a/state/SHUTOFF', count: 1, servers: ['1'], children: [] },
        ],
      },
      {
        id: 'vpc/vpc-zzz',
        count: 1,
        servers: [],
        children: [{ id: 'vpc/vpc-zzz/state/WEIRD_NEW_STATE', count: 1, servers: ['5'], children: [] }],
      },
      {
        id: 'vpc/-',
        count: 2,
        servers: [],
        children: [
          { id: 'vpc/-/state/BUILD', count: 1, servers: ['6'], children: [] },
          { id: 'vpc/-/state/ERROR', count: 1, servers: ['3'], children: [] },
        ],
      },
    ]);
  });

  it('groups by state then VPC with ids built from both keys', () => {
    const groups = groupServers(servers, 'stateVpc', names);
    assert.deepEqual(
      groups.map((group) => group.id),
      ['state/ACTIVE', 'state/BUILD', 'state/SHUTOFF', 'state/ERROR', 'state/WEIRD_NEW_STATE'],
    );
    assert.deepEqual(
      groups[0].children.map((group) => [group.id, group.servers.map((s) => s.id)]),
      [
        ['state/ACTIVE/vpc/vpc-b', ['2']],
        ['state/ACTIVE/vpc/vpc-a', ['4', '7']],
      ],
    );
  });

  it('single-level groupings put servers directly in the groups, and none yields no groups', () => {
    const byState = groupServers(servers, 'state', names);
    assert.deepEqual(byState[0].servers.map((s) => s.id), ['2', '4', '7']);
    assert.equal(byState[0].children.length, 0);
    assert.deepEqual(groupServers(servers, 'vpc', names).map((g) => g.count), [1, 3, 1, 2]);
    assert.deepEqual(groupServers(servers, 'none', names), []);
  });

  it('keeps ids stable when more servers arrive and counts change', () => {
    const before = groupServers(servers.slice(0, 3), 'vpcState', names).map((g) => g.id);
    const after = groupServers(servers, 'vpcState', names).map((g) => g.id);
    for (const id of before) {
      assert.ok(after.includes(id), id);
    }
  });

  it('escapes unusual VPC ids and states in ids', () => {
    const odd = [makeServer('x', { vpc_id: 'a/b', state: 'A B' })];
    assert.equal(groupServers(odd, 'vpcState', new Map())[0].children[0].id, 'vpc/a%2Fb/state/A%20B');
  });
});
