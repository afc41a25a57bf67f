import * as vscode from 'vscode';
import type { CredentialStore } from '../credentials/credentialStore';
import { readScpConfigFiles, scpConfigDirectory } from '../credentials/scpConfigReader';
import { SECTION } from '../settings';
import { registerCommand } from './commandRegistry';

const notEmpty = (value: string): string | undefined => (value.trim() === '' ? 'Enter a value, or press Escape to cancel.' : undefined);

/** Shows the first and last characters only, enough to recognise a key without revealing it. */
export function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

export function registerAccessKeyCommands(context: vscode.ExtensionContext, store: CredentialStore, log: vscode.LogOutputChannel): void {
  registerCommand(context, log, 'scpExplorer.setAccessKey', async () => {
    const accessKey = await vscode.window.showInputBox({
      title: 'SCP access key (1/2)',
      prompt: 'The access key from the SCP console: My Info > Access Key Management',
      ignoreFocusOut: true,
      validateInput: notEmpty,
    });
    if (accessKey === undefined) {
      return;
    }
    const secretKey = await vscode.window.showInputBox({
      title: 'SCP secret key (2/2)',
      prompt: 'The secret key of that access key. It is kept in VS Code SecretStorage (the OS keychain) only.',
      password: true,
      ignoreFocusOut: true,
      validateInput: notEmpty,
    });
    if (secretKey === undefined) {
      return;
    }
    await store.save({ accessKey: accessKey.trim(), secretKey: secretKey.trim() });
    log.info(`Access key ${maskKey(accessKey.trim())} stored in SecretStorage.`);
    vscode.window.setStatusBarMessage('SCP access key saved', 3000);
  });

  registerCommand(context, log, 'scpExplorer.clearAccessKey', async () => {
    await store.clear();
    log.info('Access key removed from SecretStorage.');
    vscode.window.setStatusBarMessage('SCP access key cleared', 3000);
  });

  registerCommand(context, log, 'scpExplorer.importAccessKey', async () => {
    const directory = scpConfigDirectory();
    const read = await readScpConfigFiles(directory);
    if (!read.ok) {
      void vscode.window.showErrorMessage(read.error);
      return;
    }
    const found = read.value;
    if (!found.accessKey || !found.secretKey) {
      void vscode.window.showErrorMessage(
        `No access key found in ${directory}/credentials.json. It should hold {"access-key": "…", "secret-key": "…"}; or use Set Access Key.`,
      );
      return;
    }
    const facts = [`access key ${maskKey(found.accessKey)}`];
    if (found.region) {
      facts.push(`region ${found.region}`);
    }
    if (found.environment) {
      facts.push(`environment ${found.environment}`);
    }
    if (found.endpoint) {
      facts.push(`endpoint ${found.endpoint}`);
    }
    const choice = await vscode.window.showInformationMessage(
      `Found in ${directory}: ${facts.join(', ')}. Store the key in VS Code SecretStorage and use these settings?`,
      { modal: true },
      'Import',
    );
    if (choice !== 'Import') {
      return;
    }
    const config = vscode.workspace.getConfiguration(SECTION);
    const target = vscode.ConfigurationTarget.Global;
    if (found.region) {
      await config.update('region', found.region, target);
    }
    if (found.environment) {
      await config.update('environment', found.environment, target);
    }
    if (found.endpoint) {
      await config.update('endpoint', found.endpoint, target);
    }
    await store.save({ accessKey: found.accessKey, secretKey: found.secretKey });
    log.info(`Imported access key ${maskKey(found.accessKey)} from ${directory}.`);
    vscode.window.setStatusBarMessage('SCP access key imported', 3000);
  });
}
