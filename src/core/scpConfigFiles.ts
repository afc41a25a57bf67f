// The official SCP tools' files (docs/scp-api-facts.md#endpoints-and-configuration): users of the Terraform provider or CLI type nothing.
import * as l10n from '@vscode/l10n';
import { stripBom } from './byteOrderMark';
import { ok, fail, type Result } from './result';

export interface ScpConfig {
  accessKey?: string;
  secretKey?: string;
  region?: string;
  environment?: string;
  endpoint?: string;
}

export type ScpConfigFiles = ScpConfig & { problems: string[] };

function readObject(text: string, fileName: string): Result<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripBom(text));
  } catch {
    // JSON.parse's own message quotes the text around the mistake, which in credentials.json is the secret key.
    return fail(l10n.t('{0} is not valid JSON. Fix or recreate the file.', fileName));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(l10n.t('{0} must hold a JSON object.', fileName));
  }
  return ok(parsed as Record<string, unknown>);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The environment letter is the second label of the auth-url host: `iam.e.samsungsdscloud.com` → `e`. */
export function environmentFromAuthUrl(authUrl: string | undefined): string | undefined {
  if (!authUrl) {
    return undefined;
  }
  try {
    const labels = new URL(authUrl).hostname.split('.');
    return labels.length >= 3 ? labels[1] : undefined;
  } catch {
    return undefined;
  }
}

/** Either file may be missing (undefined); each is parsed on its own, so a broken config.json does not hide the keys. */
export function parseScpConfig(configText: string | undefined, credentialsText: string | undefined): Result<ScpConfigFiles> {
  const result: ScpConfig = {};
  const problems: string[] = [];
  if (credentialsText !== undefined) {
    const credentials = readObject(credentialsText, 'credentials.json');
    if (!credentials.ok) {
      return credentials;
    }
    result.accessKey = text(credentials.value['access-key']);
    result.secretKey = text(credentials.value['secret-key']);
  }
  if (configText !== undefined) {
    const config = readObject(configText, 'config.json');
    if (config.ok) {
      result.region = text(config.value['default-region']);
      result.environment = environmentFromAuthUrl(text(config.value['auth-url']));
      result.endpoint = text(config.value['endpoint-override']);
    } else {
      problems.push(config.error);
    }
  }
  return ok({ ...result, problems });
}

export function scpConfigFromEnvironment(env: Record<string, string | undefined>): ScpConfig {
  return {
    accessKey: text(env.SCP_TF_ACCESS_KEY),
    secretKey: text(env.SCP_TF_SECRET_KEY),
    region: text(env.SCP_TF_DEFAULT_REGION),
    environment: environmentFromAuthUrl(text(env.SCP_TF_AUTH_URL)),
    endpoint: text(env.SCP_TF_ENDPOINT_OVERRIDE),
  };
}
