// Runs inside the extension host: the extension loads and activates, everything its manifest contributes
// is really there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Manifest {
  name: string;
  publisher: string;
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

// out/test/integration/ → the repository root, which is the extension development path.
const manifestPath = path.resolve(__dirname, '..', '..', '..', 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('activation', () => {
  it('finds the extension under publisher.name from package.json and activates it', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('reads the manifest the extension host loaded', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    // The command check below is only as good as the list it checks: it must be the loaded extension's own.
    assert.ok(Array.isArray(manifest.contributes.commands), 'package.json contributes.commands must be an array');
    assert.deepEqual(
      (extension.packageJSON as Manifest).contributes.commands.map((c) => c.command),
      manifest.contributes.commands.map((c) => c.command),
    );
  });

  it('registers every command that package.json contributes', async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('contributes the SCP view container and its servers view', async () => {
    assert.ok(manifest.contributes.viewsContainers.activitybar.some((c) => c.id === 'scpExplorer'));
    assert.ok(manifest.contributes.views.scpExplorer.some((v) => v.id === 'scpExplorer.servers'));
    await vscode.commands.executeCommand('workbench.view.extension.scpExplorer');
    await vscode.commands.executeCommand('scpExplorer.servers.focus');
  });
});
