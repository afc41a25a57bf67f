import * as vscode from 'vscode';
import type { CredentialStore } from '../credentials/credentialStore';
import { readScpConfigFiles, scpConfigDirectory } from '../credentials/scpConfigReader';
import { writeUserSettings } from '../settings';
import { notify, withoutLinks } from '../notifications';
import { registerCommand } from './commandRegistry';
import { COMMANDS } from '../constants';

const notEmpty = (value: string): string | undefined => (value.trim() === '' ? vscode.l10n.t('Enter a value, or press Escape to cancel.') : undefined);

/** Shows the first and last characters only, enough to recognise a key without revealing it. */
function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/** Clear Access Key takes another as its argument: a modal dialog cannot be clicked from the extension host's tests. */
export type ClearConfirmation = (question: string, clearLabel: string) => Thenable<string | undefined>;

const askModal: ClearConfirmation = (question, clearLabel) =>
  vscode.window.showWarningMessage(
    question,
    {
      modal: true,
      detail: vscode.l10n.t(
        'The SCP view signs out until a key is set or imported again. Keys in the SCP_TF_* variables or in ~/.scpconf are not touched, and are used when present.',
      ),
    },
    clearLabel,
  );

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

  registerCommand(context, log, COMMANDS.clearAccessKey, async (confirm?: unknown) => {
    const stored = await store.get();
    if (!stored) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('No SCP access key is stored in VS Code'), 3000);
      return;
    }
    const clearLabel = vscode.l10n.t('Clear Access Key');
    const question = vscode.l10n.t('Remove the SCP access key {0} from VS Code SecretStorage?', maskKey(stored.accessKey));
    const ask: ClearConfirmation = typeof confirm === 'function' ? (confirm as ClearConfirmation) : askModal;
    if ((await ask(question, clearLabel)) !== clearLabel) {
      return;
    }
    await store.clear();
    log.info('Access key removed from SecretStorage.');
    vscode.window.setStatusBarMessage(vscode.l10n.t('SCP access key cleared'), 3000);
  });

  registerCommand(context, log, COMMANDS.importAccessKey, async () => {
    const directory = scpConfigDirectory();
    const read = await readScpConfigFiles(directory);
    if (!read.ok) {
      void notify(log, 'error', read.error);
      return;
    }
    read.value.problems.forEach((problem) => log.warn(`Import: ${problem}`));
    const found = read.value;
    if (!found.accessKey || !found.secretKey) {
      void notify(
        log,
        'error',
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
    // The region, environment and endpoint are the file's text: in the dialog's plain detail, never its message.
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Store the access key found in {0} in VS Code SecretStorage, and use the settings found with it?', directory),
      { modal: true, detail: withoutLinks(facts.join('\n')) },
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
