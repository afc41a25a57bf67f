import type { AccessKey } from '../core/signing';
import { scpConfigFromEnvironment } from '../core/scpConfigFiles';
import type { CredentialStore } from './credentialStore';
import { readScpConfigFiles } from './scpConfigReader';

import type { CredentialSource } from '../core/connection';

export interface ResolvedCredentials {
  key: AccessKey;
  source: CredentialSource;
}

/** First match wins: the key stored in VS Code, the official SCP tools' environment variables, their `~/.scpconf` files. */
export async function resolveCredentials(
  store: CredentialStore,
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  reached?: (stage: string) => void,
): Promise<ResolvedCredentials | undefined> {
  const stored = await store.get();
  reached?.('SecretStorage read');
  if (stored) {
    return { key: stored, source: 'secretStorage' };
  }
  const fromEnv = scpConfigFromEnvironment(env);
  if (fromEnv.accessKey && fromEnv.secretKey) {
    return { key: { accessKey: fromEnv.accessKey, secretKey: fromEnv.secretKey }, source: 'environment' };
  }
  const files = await readScpConfigFiles();
  reached?.('~/.scpconf read');
  if (!files.ok) {
    // A broken file of another tool must not stop the extension: say why it was passed over.
    warn(`The SCP config files were not used: ${files.error}`);
    return undefined;
  }
  files.value.problems.forEach((problem) => warn(`Part of the SCP config files was not used: ${problem}`));
  if (files.value.accessKey && files.value.secretKey) {
    return { key: { accessKey: files.value.accessKey, secretKey: files.value.secretKey }, source: 'scpConfig' };
  }
  return undefined;
}
