import * as assert from 'node:assert/strict';
import { checkId, checkIpFilter, checkOfferings, checkProductCategory, checkSort, checkText } from '../../src/core/filters/filterInput';

describe('filter input', () => {
  describe('IP', () => {
    const accepted: [string, string | undefined][] = [
      ['10.10.1.11', '10.10.1.11'],
      ['  10.10.1.11  ', '10.10.1.11'],
      ['10.10.1.', '10.10.1.'],
      ['10.10.1', '10.10.1'],
      ['10', '10'],
      ['0.0.0.0', '0.0.0.0'],
      ['255.255.255.255', '255.255.255.255'],
      ['10.10.0.0/16', '10.10.'],
      ['10.10.1.0/24', '10.10.1.'],
      ['10.0.0.0/8', '10.'],
      ['10.10.1.11/32', '10.10.1.11'],
      ['0.0.0.0/0', undefined],
      ['10.10.*', '10.10.'],
      ['10.10.*.*', '10.10.'],
      ['10.10.1.*', '10.10.1.'],
      ['fd00::11', 'fd00::11'],
      ['FD00:10:10:1::11', 'fd00:10:10:1::11'],
      ['fd00:10:', 'fd00:10:'],
      ['', undefined],
      ['   ', undefined],
    ];
    for (const [input, value] of accepted) {
      it(`accepts ${JSON.stringify(input)} as ${JSON.stringify(value)}`, () => {
        assert.deepEqual(checkIpFilter(input), { ok: true, value });
      });
    }

    const refused: [string, RegExp][] = [
      ['web01', /not an IP address or the beginning of one/],
      ['10.10.1.256', /256 is more than 255/],
      ['10.10.1.11.5', /more than four parts/],
      ['10.10.1.11.', /more than four parts/],
      ['10..1', /empty part/],
      ['.10', /empty part/],
      ['010.1', /leading zero/],
      ['10.10.16.0/20', /\/20 does not end on a dot/],
      ['10.10.0.0/33', /does not end on a dot/],
      ['10.10/16', /needs all four parts/],
      ['10.*.1.*', /wildcard may only stand for the last parts/],
      ['*', /wildcard/],
      ['fd00::/64', /not an IPv6 range/],
      ['fd00::1::2', /at most one "::"/],
      ['fd00:12345::1', /up to four hex digits/],
      ['10.10.1.11 10.10.1.12', /not an IP address/],
      ['gggg::1', /not an IPv6 address/],
    ];
    for (const [input, message] of refused) {
      it(`refuses ${JSON.stringify(input)} saying what is wrong`, () => {
        const checked = checkIpFilter(input);
        assert.equal(checked.ok, false);
        assert.match(checked.ok ? '' : checked.error, message);
      });
    }
  });

  it('checks sort terms and answers the default order as nothing to send', () => {
    assert.deepEqual(checkSort('name:asc'), { ok: true, value: 'name:asc' });
    assert.deepEqual(checkSort(' name:asc , created_at:desc '), { ok: true, value: 'name:asc,created_at:desc' });
    assert.deepEqual(checkSort('state'), { ok: true, value: 'state' });
    assert.deepEqual(checkSort('created_at:desc'), { ok: true, value: undefined });
    assert.deepEqual(checkSort(''), { ok: true, value: undefined });
    for (const bad of ['name:up', 'Name', 'name:asc:x', 'name,name:desc', 'name;drop', ',']) {
      assert.equal(checkSort(bad).ok, false, bad);
    }
  });

  it('checks product categories, offerings, ids and text', () => {
    assert.deepEqual(checkProductCategory(' Compute '), { ok: true, value: 'compute' });
    assert.deepEqual(checkProductCategory('any'), { ok: true, value: undefined });
    assert.equal(checkProductCategory('gpu').ok, false);
    assert.deepEqual(checkOfferings(['gpu_server', ' k8s_vm ', '']), { ok: true, value: ['gpu_server', 'k8s_vm'] });
    assert.equal(checkOfferings(['GPU server']).ok, false);
    assert.deepEqual(checkId(' s1v1m2 ', 'server type ID'), { ok: true, value: 's1v1m2' });
    assert.deepEqual(checkId('', 'VPC ID'), { ok: true, value: undefined });
    assert.match((checkId('a b', 'VPC ID') as { error: string }).error, /VPC ID has no spaces/);
    assert.deepEqual(checkText('  R&D sandbox '), { ok: true, value: 'R&D sandbox' });
    assert.deepEqual(checkText(' '), { ok: true, value: undefined });
  });
});
