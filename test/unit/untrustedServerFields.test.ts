import * as assert from 'node:assert/strict';
import { serverContextValue } from '../../src/core/contextValues';
import { copyText } from '../../src/core/copyText';
import { vpcChoices } from '../../src/core/filters/filterChoices';
import { groupServers } from '../../src/core/grouping';
import { parseServerPage } from '../../src/core/responseParsing';
import { allIps, describeServerType, formatLocalTime, primaryIp } from '../../src/core/serverFacts';
import type { Server } from '../../src/core/serverModel';
import { serverTooltipMarkdown } from '../../src/core/serverTooltip';
import { makeServer } from '../support/serverFixtures';

/** The table rows of a tooltip: every line after the header that belongs to the table. */
function tableLines(markdown: string): string[] {
  return markdown.split('\n').slice(2).filter((line) => line !== '');
}

describe('server fields SCP may send in any shape', () => {
  it('line breaks and pipes in names, images and subnets stay inside their table cells', () => {
    const server = makeServer('nl', {
      name: 'web\n| injected | row |\r\nend',
      image_id: 'img|1\n\nparagraph',
      keypair_name: 'key\u2028pair',
      addresses: [{ subnet_name: 'sub\nnet|x', ip_addresses: [{ ip_address: '10.0.0.1', version: 4 }] }],
    });
    const markdown = serverTooltipMarkdown(server, { vpcName: 'vpc\nname' });
    const [title, blank, ...rest] = markdown.split('\n');
    assert.ok(title.startsWith('**web') && title.endsWith('end**'), `the title is one line: ${title}`);
    assert.equal(blank, '');
    const lines = tableLines(rest.join('\n'));
    assert.ok(lines.length > 5);
    for (const line of lines) {
      assert.match(line, /^\| .* \|$/, `a table row: ${JSON.stringify(line)}`);
      // Three unescaped pipes: the row's start, the cell separator, its end.
      assert.equal(line.replace(/\\\|/g, '').split('|').length - 1, 3, `two cells: ${JSON.stringify(line)}`);
    }
    assert.ok(markdown.includes('img\\|1 paragraph'));
    assert.ok(markdown.includes('IP (sub net\\|x)'));
  });

  // Not documented anywhere, but a proxy, an API change or a hostile endpoint can send them.
  const odd = {
    ...makeServer('odd'),
    created_at: 1764374400,
    modified_at: { at: 'now' },
    addresses: { subnet_name: 'x', ip_addresses: [] },
    security_groups: 'sg-1',
    server_type: 'big',
    image_id: ['img'],
    vpc_id: 42,
    locked: 'no',
  } as unknown as Server;
  const normal = makeServer('ok', { vpc_id: 'vpc-a', addresses: [{ subnet_name: 's', ip_addresses: [{ ip_address: '10.0.0.2', version: 4 }] }] });
  const deep = makeServer('deep', {
    vpc_id: 'vpc-a',
    addresses: [null, { subnet_name: 7, ip_addresses: { ip_address: '10.0.0.3' } }, { subnet_name: 's', ip_addresses: [null, 5, { ip_address: 9 }] }],
  } as unknown as Partial<Server>);

  it('a server with wrongly typed optional fields is read without throwing', () => {
    for (const server of [odd, deep]) {
      assert.deepEqual(allIps(server), []);
      assert.equal(primaryIp(server), undefined);
      assert.match(serverTooltipMarkdown(server), /\| ID \| /);
      assert.match(serverContextValue(server), /^server;.*;noIp;/);
      assert.equal(copyText([server, normal], 'ip').copied, 1);
    }
    assert.equal(describeServerType(odd), '');
    assert.equal(formatLocalTime(odd.created_at), '1764374400');
    assert.equal(formatLocalTime(odd.modified_at), '');
  });

  it('such a server is listed, and its group still shows every server', () => {
    const page = parseServerPage({ servers: [normal, odd, deep] }, 50);
    assert.ok(page.ok);
    const groups = groupServers(page.value.servers, 'vpcState', new Map([['vpc-a', 'A']]));
    const ids = (group: (typeof groups)[number]): string[] => [...group.servers, ...group.children.flatMap((child) => child.servers)].map((s) => s.id);
    assert.deepEqual(groups.map(ids), [['ok', 'deep'], ['odd']], 'a vpc_id that is not text counts as no VPC');
    assert.deepEqual(vpcChoices(new Map(), page.value.servers).map((choice) => choice.value), ['vpc-a']);
  });
});
