import * as l10n from '@vscode/l10n';
import type { Result } from './result';

/**
 * Reads the official SCP tool configuration (`~/.scpconf/config.json` and `credentials.json`, docs/scp-api-facts.md#endpoints-and-configuration),
 * given the files' text, so that people who already use the Terraform provider or CLI need to type nothing.
 */

export interface ScpConfig {
  accessKey?: string;
  secretKey?: string;
  region?: string;
  environment?: string;
  endpoint?: string;
}

function readObject(text: string, fileName: string): Result<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: l10n.t('{0} is not valid JSON ({1}). Fix or recreate the file.', fileName, (error as Error).message) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: l10n.t('{0} must hold a JSON object.', fileName) };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
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

/** Either file may be missing (undefined); what is present must be valid. */
export function parseScpConfig(configText: string | undefined, credentialsText: string | undefined): Result<ScpConfig> {
  const result: ScpConfig = {};
  if (configText !== undefined) {
    const config = readObject(configText, 'config.json');
    if (!config.ok) {
      return config;
    }
    result.region = text(config.value['default-region']);
    result.environment = environmentFromAuthUrl(text(config.value['auth-url']));
    result.endpoint = text(config.value['endpoint-override']);
  }
  if (credentialsText !== undefined) {
    const credentials = readObject(credentialsText, 'credentials.json');
    if (!credentials.ok) {
      return credentials;
    }
    result.accessKey = text(credentials.value['access-key']);
    result.secretKey = text(credentials.value['secret-key']);
  }
  return { ok: true, value: result };
}

/** The environment variables of the official tools, which override the files. */
export function scpConfigFromEnvironment(env: Record<string, string | undefined>): ScpConfig {
  return {
    accessKey: text(env.SCP_TF_ACCESS_KEY),
    secretKey: text(env.SCP_TF_SECRET_KEY),
    region: text(env.SCP_TF_DEFAULT_REGION),
    environment: environmentFromAuthUrl(text(env.SCP_TF_AUTH_URL)),
    endpoint: text(env.SCP_TF_ENDPOINT_OVERRIDE),
  };
}
