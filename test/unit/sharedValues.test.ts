import * as assert from 'node:assert/strict';
import { SharedValues } from '../../src/core/sharedValues';
import { generateDataset } from '../emulator/dataset';

describe('loaded servers share equal values', () => {
  it('equal ids, types and security groups become one value; every server reads the same as before', () => {
    const fromApi = JSON.parse(JSON.stringify(generateDataset({ serverCount: 200, seed: 7 }).servers)) as ReturnType<typeof generateDataset>['servers'];
    const copy = structuredClone(fromApi);
    const shared = new SharedValues();
    const servers = fromApi.map((server) => shared.share(server));
    assert.deepEqual(servers, copy);
    const sameType = servers.filter((server) => JSON.stringify(server.server_type) === JSON.stringify(servers[0].server_type));
    assert.ok(sameType.length > 1);
    assert.ok(sameType.every((server) => server.server_type === servers[0].server_type));
    const sameVpc = servers.filter((server) => server.vpc_id === servers[0].vpc_id);
    assert.ok(sameVpc.length > 1);
  });

  it('leaves values of other types alone', () => {
    const shared = new SharedValues();
    const odd = JSON.parse('{"id":"x","name":"n","state":"ACTIVE","vpc_id":42,"server_type":null,"addresses":[null,{"subnet_name":7}]}') as never;
    assert.deepEqual(shared.share(odd), JSON.parse('{"id":"x","name":"n","state":"ACTIVE","vpc_id":42,"server_type":null,"addresses":[null,{"subnet_name":7}]}'));
  });
});
