// Regional public endpoints, or one override URL for every service (docs/scp-api-facts.md#endpoints-and-configuration).
import * as l10n from '@vscode/l10n';
import { ok, fail, type Result } from './result';

export type ScpService = 'virtualserver' | 'vpc';

const REGIONS_BY_ENVIRONMENT: Record<string, readonly string[]> = {
  e: ['kr-west1', 'kr-east1'],
  s: ['kr-west1', 'kr-east1'],
  g: ['kr-south1', 'kr-south2', 'kr-south3'],
};
/** The VPC service is only read for names; its 1.1 list call is all we need. */
export const VPC_API_VERSION = 'vpc 1.1';

export interface EndpointSettings {
  region: string;
  environment: string;
  endpoint?: string;
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}

/** Plain http only to this machine: a signed request sent in clear can be replayed within the timestamp window. */
export function checkEndpoint(raw: string): Result<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail(l10n.t('"{0}" is not a URL. Use a base URL such as https://virtualserver.kr-west1.e.samsungsdscloud.com.', raw));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(l10n.t('"{0}" must start with https://.', raw));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail(l10n.t(
        'Plain http is refused for {0}: signed requests must not cross a network in clear. Use https://, or http:// only to 127.0.0.1/localhost.',
        url.host,
      ));
  }
  if (url.search || url.hash || url.username || url.password) {
    return fail(l10n.t('"{0}" must be a base URL without query, fragment or user name.', raw));
  }
  return ok(url.origin + url.pathname.replace(/\/+$/, ''));
}

export function serviceBaseUrl(service: ScpService, settings: EndpointSettings): Result<string> {
  if (settings.endpoint && settings.endpoint.trim() !== '') {
    return checkEndpoint(settings.endpoint);
  }
  const regions = REGIONS_BY_ENVIRONMENT[settings.environment];
  if (!regions) {
    return fail(l10n.t('Unknown environment "{0}": use e (Enterprise), s (Samsung) or g (Sovereign).', settings.environment));
  }
  if (!regions.includes(settings.region)) {
    return fail(l10n.t('Unknown region "{0}" for environment "{1}": use one of {2}.', settings.region, settings.environment, regions.join(', ')));
  }
  return ok(`https://${service}.${settings.region}.${settings.environment}.samsungsdscloud.com`);
}

/** SCP answers in Korean or English; follow the editor's language unless the user chose one. */
export function acceptLanguageFor(displayLanguage: string, override?: string): string {
  if (override && override !== 'auto') {
    return override;
  }
  return displayLanguage.toLowerCase().startsWith('ko') ? 'ko-KR' : 'en-US';
}
