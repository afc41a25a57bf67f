import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// out/test/unit → the repository root.
const root = path.resolve(__dirname, '..', '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, unknown> } };
};
/** The English manifest strings: package.json holds `%key%` placeholders that VS Code resolves through these. */
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** A manifest string as English VS Code shows it: a `%key%` placeholder resolved, anything else as written. */
function english(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (key === undefined) {
    return value;
  }
  assert.ok(key in nls, `package.nls.json lacks ${key}`);
  return nls[key];
}

describe('README', () => {
  it('states as its second command the exact test command that CI runs', () => {
    const blocks = [...readme.matchAll(/```sh\n([^`]+)```/g)].map((match) => match[1].trim());
    const ciLines = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8').trim().split('\n');
    assert.equal(blocks[1], ciLines[ciLines.length - 1]);
    assert.match(blocks[0], /npm run demo/);
  });

  it('lists every contributed command with its title and id', () => {
    for (const { command, title: placeholder } of manifest.contributes.commands) {
      const title = english(placeholder);
      assert.ok(readme.includes(`| ${title} | \`${command}\` |`), `README commands table lacks ${title} (${command})`);
    }
  });

  it('lists every setting', () => {
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      assert.ok(readme.includes(`| \`${key}\` |`), `README settings table lacks ${key}`);
    }
  });
});
