import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, CONTEXT_KEYS, STATUS_BAR_ID, VIEW_ID } from '../../src/constants';

const root = path.resolve(__dirname, '..', '..', '..');
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
};

describe('constants against package.json', () => {
  it('every command id in src/constants.ts is contributed', () => {
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const id of Object.values(COMMANDS)) {
      assert.ok(contributed.has(id), `package.json does not contribute ${id}`);
    }
  });

  it('the view id is the contributed view', () => {
    assert.deepEqual(
      Object.values(manifest.contributes.views).flat().map((view) => view.id),
      [VIEW_ID],
    );
  });

  it('every context key is read by a when clause of the manifest', () => {
    for (const key of Object.values(CONTEXT_KEYS)) {
      assert.ok(manifestText.includes(`${key} `) || manifestText.includes(`${key}"`), `no when clause reads ${key}`);
    }
  });

  it('ids share the extension prefix', () => {
    assert.ok([VIEW_ID, STATUS_BAR_ID, ...Object.values(COMMANDS)].every((id) => id.startsWith('scpExplorer.')));
  });
});
