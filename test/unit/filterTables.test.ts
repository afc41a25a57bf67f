// The two filter tables (src/core/filters/queryFields.ts, src/filters/filterCommandTable.ts) against each other and
// against package.json: adding a filter is a row in each, and this test says what the manifest still lacks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserializeFilters, serializeFilters } from '../../src/core/filters/filterState';
import { QUERY_FIELDS, type ServerFilters } from '../../src/core/filters/queryFields';
import { serverListQuery } from '../../src/core/filters/serverQuery';
import { FILTER_COMMANDS } from '../../src/filters/filterCommandTable';

// out/test/unit → the repository root.
const root = path.resolve(__dirname, '..', '..', '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
interface MenuItem {
  command?: string;
  group?: string;
}
const manifest = readJson<{
  contributes: { commands: { command: string; title: string; category?: string }[]; menus: Record<string, MenuItem[]> };
}>('package.json');
const nls = { en: readJson<Record<string, string>>('package.nls.json'), ko: readJson<Record<string, string>>('package.nls.ko.json') };

const sample = (field: (typeof QUERY_FIELDS)[number]): ServerFilters => ({ [field.key]: field.values === 'many' ? ['a_1', 'b_2'] : 'a_1' });

describe('filter tables', () => {
  it('give every query field exactly one command, in the same order', () => {
    assert.deepEqual(
      FILTER_COMMANDS.map((row) => row.key),
      QUERY_FIELDS.map((field) => field.key),
    );
    assert.equal(new Set(FILTER_COMMANDS.map((row) => row.command)).size, FILTER_COMMANDS.length, 'one command per field');
  });

  it('send each field as its query parameter and keep it in storage', () => {
    for (const field of QUERY_FIELDS) {
      const filters = sample(field);
      const value = filters[field.key] ?? [];
      assert.deepEqual(serverListQuery(filters, { limit: 5 }), { [field.parameter]: typeof value === 'string' ? [value] : value, limit: ['5'] }, field.key);
      assert.deepEqual(deserializeFilters(JSON.parse(JSON.stringify(serializeFilters(filters)))), filters, field.key);
    }
  });

  it('name commands that package.json contributes, titled in English and Korean', () => {
    for (const row of FILTER_COMMANDS) {
      const contributed = manifest.contributes.commands.find((command) => command.command === row.command);
      assert.ok(contributed, `${row.command} is not in contributes.commands`);
      assert.equal(contributed.category, 'SCP', row.command);
      const titleKey = /^%(.+)%$/.exec(contributed.title)?.[1];
      assert.ok(titleKey, `${row.command}: the title comes from package.nls.json`);
      assert.ok(nls.en[titleKey]?.trim(), `package.nls.json lacks ${titleKey}`);
      assert.ok(nls.ko[titleKey]?.trim(), `package.nls.ko.json lacks ${titleKey}`);
    }
  });

  it('put each command in the menu and group its row says, in the order of the table', () => {
    for (const row of FILTER_COMMANDS) {
      const items = manifest.contributes.menus[row.place.menu] ?? [];
      assert.ok(
        items.some((item) => item.command === row.command && (item.group ?? '').startsWith(`${row.place.group}@`)),
        `${row.command} is not in ${row.place.menu} group ${row.place.group}`,
      );
    }
    for (const [menu, group] of new Set(FILTER_COMMANDS.map((row) => [row.place.menu, row.place.group] as const))) {
      const listed = (manifest.contributes.menus[menu] ?? [])
        .filter((item) => item.command && (item.group ?? '').startsWith(`${group}@`))
        .sort((a, b) => Number((a.group ?? '').split('@')[1]) - Number((b.group ?? '').split('@')[1]))
        .map((item) => item.command);
      const rows = FILTER_COMMANDS.filter((row) => row.place.menu === menu && row.place.group === group).map((row) => row.command);
      assert.deepEqual(
        listed.filter((command) => rows.includes(command as string)),
        rows,
        `order in ${menu} ${group}`,
      );
    }
  });

  it('leave no filter command of package.json without a row', () => {
    const rows = new Set(FILTER_COMMANDS.map((row) => row.command));
    const filterCommands = manifest.contributes.commands.map((command) => command.command).filter((id) => /^scpExplorer\.filterBy/.test(id));
    assert.deepEqual(
      filterCommands.filter((id) => !rows.has(id)),
      [],
    );
    const submenu = (manifest.contributes.menus['scpExplorer.filterSubmenu'] ?? []).filter((item) => (item.group ?? '').startsWith('1_filters@'));
    assert.deepEqual(
      submenu.filter((item) => !rows.has(item.command ?? '')).map((item) => item.command),
      [],
    );
  });
});
