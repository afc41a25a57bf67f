import * as vscode from 'vscode';
import type { CredentialStore } from '../credentials/credentialStore';
import { readScpConfigFiles, scpConfigDirectory } from '../credentials/scpConfigReader';
import { writeUserSettings } from '../settings';
import { registerCommand } from './commandRegistry';
import { COMMANDS } from '../constants';

const notEmpty = (value: string): string | undefined => (value.trim() === '' ? vscode.l10n.t('Enter a value, or press Escape to cancel.') : undefined);

/** Shows the first and last characters only, enough to recognise a key without revealing it. */
function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

export function registerAccessKeyCommands(context: vscode.ExtensionContext, store: CredentialStore, log: vscode.LogOutputChannel): void {
  registerCommand(context, log, COMMANDS.setAccessKey, async () => {
    const accessKey = await vscode.window.showInputBox({
      title: vscode.l10n.t('SCP access key (1/2)'),
      prompt: vscode.l10n.t('The access key from the SCP console: My Info > Access Key Management'),
      ignoreFocusOut: true,
      validateInput: notEmpty,
    });
    if (accessKey === undefined) {
      return;
    }
    const secretKey = await vscode.window.showInputBox({
      title: vscode.l10n.t('SCP secret key (2/2)'),
      prompt: vscode.l10n.t('The secret key of that access key. It is kept in VS Code SecretStorage (the OS keychain) only.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: notEmpty,
    });
    if (secretKey === undefined) {
      return;
    }
    await store.save({ accessKey: accessKey.trim(), secretKey: secretKey.trim() });
    log.info(`Access key ${maskKey(accessKey.trim())} stored in SecretStorage.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('SCP access key saved'), 3000);
  });

  registerCommand(context, log, COMMANDS.clearAccessKey, async () => {
    await store.clear();
    log.info('Access key removed from SecretStorage.');
    vscode.window.setStatusBarMessage(vscode.l10n.t('SCP access key cleared'), 3000);
  });

  registerCommand(context, log, COMMANDS.importAccessKey, async () => {
    const directory = scpConfigDirectory();
    const read = await readScpConfigFiles(directory);
    if (!read.ok) {
      void vscode.window.showErrorMessage(read.error);
      return;
    }
    const found = read.value;
    if (!found.accessKey || !found.secretKey) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'No access key found in {0}. It should hold {1}; or use Set Access Key.',
          `${directory}/credentials.json`,
          '{"access-key": "…", "secret-key": "…"}',
        ),
      );
      return;
    }
    const facts = [vscode.l10n.t('access key {0}', maskKey(found.accessKey))];
    if (found.region) {
      facts.push(vscode.l10n.t('region {0}', found.region));
    }
    if (found.environment) {
      facts.push(vscode.l10n.t('environment {0}', found.environment));
    }
    if (found.endpoint) {
      facts.push(vscode.l10n.t('endpoint {0}', found.endpoint));
    }
    const importLabel = vscode.l10n.t('Import');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Found in {0}: {1}. Store the key in VS Code SecretStorage and use these settings?', directory, facts.join(', ')),
      { modal: true },
      importLabel,
    );
    if (choice !== importLabel) {
      return;
    }
    await writeUserSettings({ region: found.region, environment: found.environment, endpoint: found.endpoint || undefined });
    await store.save({ accessKey: found.accessKey, secretKey: found.secretKey });
    log.info(`Imported access key ${maskKey(found.accessKey)} from ${directory}.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('SCP access key imported'), 3000);
  });
}
