import * as assert from 'node:assert/strict';
import { settingsTextSets, stripJsonc } from '../../src/core/workspaceSettingsText';

describe('finding a setting in a workspace settings file', () => {
  it('reads JSON with comments and trailing commas, and leaves strings alone', () => {
    const text = '{\n  // where to go\n  "a": "http://x//y", /* block */\n  "b": [1, 2,],\n}\n';
    assert.deepEqual(JSON.parse(stripJsonc(text)), { a: 'http://x//y', b: [1, 2] });
  });

  it('finds the flat and the nested form, and a .code-workspace file\'s settings', () => {
    assert.ok(settingsTextSets('{"scpExplorer.endpoint": "https://evil"}', 'scpExplorer', 'endpoint'));
    assert.ok(settingsTextSets('{"scpExplorer": {"endpoint": ""}}', 'scpExplorer', 'endpoint'));
    assert.ok(settingsTextSets('{"folders": [], "settings": {"scpExplorer.endpoint": "x"}}', 'scpExplorer', 'endpoint', true));
    assert.ok(!settingsTextSets('{"folders": [], "scpExplorer.endpoint": "x"}', 'scpExplorer', 'endpoint', true));
    assert.ok(!settingsTextSets('{"scpExplorer.region": "kr-east1", "other": "scpExplorer.endpoint"}', 'scpExplorer', 'endpoint'));
  });

  it('a file it cannot parse is still searched for the key', () => {
    assert.ok(settingsTextSets('{"scpExplorer.endpoint": "x" "broken"', 'scpExplorer', 'endpoint'));
    assert.ok(!settingsTextSets('not json at all', 'scpExplorer', 'endpoint'));
  });
});
