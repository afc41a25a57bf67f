// Versions and the catalog: docs/scp-api-facts.md#api-versions.

export const AUTO_API_VERSION = 'auto';
export const FIRST_AUTO_API_VERSION = 'virtualserver 1.1';
/** List and show requests and answers are identical in these, so any of them will do. */
export const KNOWN_SERVER_API_VERSIONS: readonly string[] = ['virtualserver 1.1', 'virtualserver 1.2', 'virtualserver 1.3'];
/** The official provider warns this many days before a version's `not_before`. */
const DEPRECATION_NOTICE_DAYS = 90;

export type VersionStatus = 'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED';

export interface CatalogEntry {
  version: string;
  status: VersionStatus | 'UNKNOWN';
  notBefore?: string;
}

const STATUSES: readonly string[] = ['CURRENT', 'SUPPORTED', 'DEPRECATED', 'PLANNED'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseVersionCatalog(body: unknown, service = 'virtualserver'): CatalogEntry[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.versions)) {
    return undefined;
  }
  const entries: CatalogEntry[] = [];
  for (const item of body.versions) {
    const id = isRecord(item) && typeof item.id === 'string' ? /^v?(\d+\.\d+)$/.exec(item.id.trim()) : null;
    if (!isRecord(item) || !id) {
      continue;
    }
    const status = typeof item.status === 'string' && STATUSES.includes(item.status) ? (item.status as VersionStatus) : 'UNKNOWN';
    const notBefore = typeof item.not_before === 'string' && /^\d{4}-\d{2}-\d{2}/.test(item.not_before) ? item.not_before.slice(0, 10) : undefined;
    entries.push({ version: `${service} ${id[1]}`, status, notBefore });
  }
  return entries;
}

/** Orders `virtualserver 1.10` after `virtualserver 1.9`. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] => (/(\d+)\.(\d+)$/.exec(version) ?? ['', '0', '0']).slice(1).map(Number);
  const [aMajor, aMinor] = parts(a);
  const [bMajor, bMinor] = parts(b);
  return aMajor - bMajor || aMinor - bMinor;
}

export function pickVersion(catalog: readonly CatalogEntry[], known: readonly string[] = KNOWN_SERVER_API_VERSIONS): string | undefined {
  return catalog
    .filter((entry) => (entry.status === 'CURRENT' || entry.status === 'SUPPORTED') && known.includes(entry.version))
    .map((entry) => entry.version)
    .sort(compareVersions)
    .pop();
}

export interface VersionAdvice {
  inUse: string;
  suggested: string;
  deprecated: boolean;
  notBefore?: string;
}

export function versionAdvice(catalog: readonly CatalogEntry[], inUse: string, now: number): VersionAdvice | undefined {
  const entry = catalog.find((candidate) => candidate.version === inUse);
  const suggested = pickVersion(catalog);
  if (!entry || !suggested || compareVersions(suggested, inUse) <= 0) {
    return undefined;
  }
  const deprecated = entry.status === 'DEPRECATED';
  const endsSoon = entry.notBefore !== undefined && Date.parse(`${entry.notBefore}T00:00:00Z`) - now <= DEPRECATION_NOTICE_DAYS * 86_400_000;
  return deprecated || endsSoon ? { inUse, suggested, deprecated, notBefore: entry.notBefore } : undefined;
}
