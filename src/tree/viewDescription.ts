import type { Connection } from '../session/connection';
import type { CredentialSource } from '../credentials/credentialResolver';

const SOURCE_LABELS: Record<CredentialSource, string> = {
  secretStorage: 'key: VS Code',
  environment: 'key: env',
  scpConfig: 'key: ~/.scpconf',
};

/** The view's description: where requests go and where the access key came from, e.g. `kr-west1 (e) · key: env`. */
export function describeConnection(connection: Connection | undefined): string {
  return connection ? `${connection.target} · ${SOURCE_LABELS[connection.source]}` : '';
}
