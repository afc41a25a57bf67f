import {
  AUTO_API_VERSION,
  FIRST_AUTO_API_VERSION,
  KNOWN_SERVER_API_VERSIONS,
  compareVersions,
  parseVersionCatalog,
  pickVersion,
  versionAdvice,
  type CatalogEntry,
  type VersionAdvice,
} from './apiVersions';

export interface VersionMemory {
  recall(baseUrl: string): string | undefined;
  remember(baseUrl: string, version: string): void;
}

export type CatalogReader = () => Promise<unknown>;

/** A failed read is not kept, so the next try reads again. */
export class CatalogCache {
  private readonly entries = new Map<string, Promise<CatalogEntry[]>>();

  read(baseUrl: string, reader: CatalogReader): Promise<CatalogEntry[]> {
    let entry = this.entries.get(baseUrl);
    if (!entry) {
      entry = reader().then((body) => {
        const catalog = parseVersionCatalog(body);
        if (!catalog) {
          throw new Error('the answer is not a version catalog');
        }
        return catalog;
      });
      this.entries.set(baseUrl, entry);
      entry.catch(() => this.entries.delete(baseUrl));
    }
    return entry;
  }
}

export interface NegotiatorOptions {
  setting: string;
  baseUrl: string;
  memory: VersionMemory;
  catalogs: CatalogCache;
  readCatalog: CatalogReader;
  log?: (message: string) => void;
  onAdvice?: (advice: VersionAdvice) => void;
  now?: () => number;
}

// An explicit setting is never changed. The catalog costs a request, so it is read on a 406 and, in the background,
// to advise on an ending version: never before the first page (docs/scp-api-facts.md#api-versions).
export class ApiVersionNegotiator {
  private version: string;
  private recovering: Promise<string | undefined> | undefined;
  private confirmed = false;

  constructor(private readonly options: NegotiatorOptions) {
    this.version = this.negotiable ? (options.memory.recall(options.baseUrl) ?? FIRST_AUTO_API_VERSION) : options.setting;
  }

  get current(): string {
    return this.version;
  }

  get negotiable(): boolean {
    return this.options.setting === AUTO_API_VERSION;
  }

  worked(version: string): void {
    if (this.confirmed || version !== this.version) {
      return;
    }
    this.confirmed = true;
    const { baseUrl, memory } = this.options;
    this.options.log?.(`Using SCP API version ${version} for ${baseUrl}${this.negotiable ? ' (apiVersion: auto)' : ''}.`);
    if (this.negotiable && memory.recall(baseUrl) !== version) {
      memory.remember(baseUrl, version);
    }
    void this.adviseIfEnding(version);
  }

  /** SCP answered 406 to `failed`: the version to retry with once, or undefined to report the 406 as it is. */
  recover(failed: string): Promise<string | undefined> {
    if (!this.negotiable) {
      return Promise.resolve(undefined);
    }
    if (failed !== this.version) {
      return Promise.resolve(this.version);
    }
    this.recovering ??= this.pickFromCatalog(failed).finally(() => (this.recovering = undefined));
    return this.recovering;
  }

  private async pickFromCatalog(failed: string): Promise<string | undefined> {
    const { baseUrl, catalogs, readCatalog, log } = this.options;
    let catalog: CatalogEntry[];
    try {
      catalog = await catalogs.read(baseUrl, readCatalog);
    } catch (error) {
      log?.(`SCP does not accept ${failed}, and its version catalog could not be read: ${(error as Error).message}`);
      return undefined;
    }
    const picked = pickVersion(catalog);
    if (!picked || picked === failed) {
      const offered = catalog.map((entry) => `${entry.version} ${entry.status}`).join(', ') || 'nothing';
      log?.(`SCP does not accept ${failed}, and its catalog offers no other version this extension knows (${offered}).`);
      return undefined;
    }
    log?.(`SCP does not accept ${failed}; switching to ${picked}, the newest version its catalog offers.`);
    this.version = picked;
    this.confirmed = false;
    return picked;
  }

  private async adviseIfEnding(version: string): Promise<void> {
    const newest = [...KNOWN_SERVER_API_VERSIONS].sort(compareVersions).pop();
    // Nothing newer to offer: no request.
    if (!this.options.onAdvice || newest === undefined || compareVersions(version, newest) >= 0) {
      return;
    }
    try {
      const catalog = await this.options.catalogs.read(this.options.baseUrl, this.options.readCatalog);
      const advice = versionAdvice(catalog, version, (this.options.now ?? Date.now)());
      if (advice) {
        this.options.log?.(
          `SCP's catalog marks ${version} as ${advice.deprecated ? 'DEPRECATED' : 'ending'}${advice.notBefore ? ` (not before ${advice.notBefore})` : ''}; ${advice.suggested} is available.`,
        );
        this.options.onAdvice(advice);
      }
    } catch (error) {
      this.options.log?.(`The version catalog could not be read, so no advice on ${version}: ${(error as Error).message}`);
    }
  }
}
