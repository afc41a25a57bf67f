import * as assert from 'node:assert/strict';
import { encodeGoQuery, goPathEscape, goQueryEscape } from '../../src/core/goQuery';

// Expected strings are what Go's url.QueryEscape / url.Values.Encode / url.PathEscape produce.
describe('Go query escaping', () => {
  const cases: [string, string][] = [
    ['a b', 'a+b'],
    ['a+b', 'a%2Bb'],
    ['a&b=c', 'a%26b%3Dc'],
    ['100%', '100%25'],
    ['~-_.', '~-_.'],
    ['*', '%2A'],
    ["it's", 'it%27s'],
    ['(x)!', '%28x%29%21'],
    ['웹서버-01', '%EC%9B%B9%EC%84%9C%EB%B2%84-01'],
    ['/:;,?@$', '%2F%3A%3B%2C%3F%40%24'],
    ['', ''],
    ['😀', '%F0%9F%98%80'],
  ];
  for (const [input, expected] of cases) {
    it(`QueryEscape(${JSON.stringify(input)}) = ${expected}`, () => {
      assert.equal(goQueryEscape(input), expected);
    });
  }

  it('sorts keys, repeats a key in value order and keeps empty values', () => {
    const query = encodeGoQuery({
      product_offering: ['virtual_server', 'gpu_server'],
      limit: ['50'],
      name: [''],
      marker: ['abc'],
      ip: [],
    });
    assert.equal(query, 'limit=50&marker=abc&name=&product_offering=virtual_server&product_offering=gpu_server');
  });

  it('path-escapes like url.PathEscape', () => {
    assert.equal(goPathEscape('a b/c?d'), 'a%20b%2Fc%3Fd');
    assert.equal(goPathEscape('x$&+:=@y'), 'x$&+:=@y');
    assert.equal(goPathEscape('3f2a-11ee'), '3f2a-11ee');
  });
});
