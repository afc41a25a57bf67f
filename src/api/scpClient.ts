import { badResponse } from '../core/errorResponses';
import { parseServer, parseServerPage, parseVpcPage } from '../core/responseParsing';
import type { Result } from '../core/result';
import { serverListQuery } from '../core/filters/serverQuery';
import { imagePath, serverPath } from '../core/serverPaths';
import type { PageRequest, Server, ServerFilters, ServerPage, Vpc } from '../core/serverModel';
import { VPC_API_VERSION } from '../core/endpoints';
import { ApiVersionNegotiator, CatalogCache, type VersionMemory } from '../core/apiVersionNegotiator';
import type { VersionAdvice } from '../core/apiVersions';
import type { RequestLimiter } from '../core/requestLimiter';
import { isScpError } from '../core/scpError';
import { serverAction, type ServerActionId } from '../core/serverActions';
import { lastIdOfList } from '../core/lastIdProbe';
import { parseConsoleLog } from '../core/consoleLog';
import { parseImage, parseInterfaces, type NetworkInterface, type ServerImage } from '../core/serverNetwork';
import type { CallOptions, SignedTransport } from './signedTransport';

export interface ClientEndpoints {
  virtualServerBaseUrl: string;
  vpcBaseUrl: string;
  /** The apiVersion setting: `auto`, or the `Scp-Api-Version` of the virtual server calls, e.g. `virtualserver 1.3`. */
  apiVersion: string;
}

/** What `auto` needs from outside the connection; without it the version is remembered for this client only. */
export interface VersionOptions {
  memory?: VersionMemory;
  /** Shared by the connections of one VS Code session. */
  catalogs?: CatalogCache;
  log?: (message: string) => void;
  onAdvice?: (advice: VersionAdvice) => void;
}

export interface ListCall extends CallOptions {
  onLastId?: (id: string) => Promise<void> | void;
}

function memoryOfThisClient(): VersionMemory {
  const versions = new Map<string, string>();
  return { recall: (baseUrl) => versions.get(baseUrl), remember: (baseUrl, version) => void versions.set(baseUrl, version) };
}

/** VPCs are few; these bound the paging so a misbehaving marker cannot loop forever. */
const VPC_PAGE_SIZE = 100;
const VPC_MAX_PAGES = 50;

function unwrap<T>(parsed: Result<T>, what: string, apiVersion: string): T {
  if (!parsed.ok) {
    throw badResponse({ what, apiVersion }, parsed.error);
  }
  return parsed.value;
}

export class ScpClient {
  private readonly versions: ApiVersionNegotiator;

  constructor(
    private readonly transport: SignedTransport,
    readonly endpoints: ClientEndpoints,
    versionOptions: VersionOptions = {},
  ) {
    this.versions = new ApiVersionNegotiator({
      setting: endpoints.apiVersion,
      baseUrl: endpoints.virtualServerBaseUrl,
      memory: versionOptions.memory ?? memoryOfThisClient(),
      catalogs: versionOptions.catalogs ?? new CatalogCache(),
      readCatalog: () => this.transport.send({ method: 'GET', baseUrl: endpoints.virtualServerBaseUrl, path: '/', signed: false }),
      log: versionOptions.log,
      onAdvice: versionOptions.onAdvice,
    });
  }

  get apiVersion(): string {
    return this.versions.current;
  }

  /** The connection's request limiter: long operations read how long SCP's firewall holds requests back. */
  get limiter(): RequestLimiter {
    return this.transport.limiter;
  }

  /** `onLastId` hears the page's last id before it is parsed: a guess read from the text's end, which the caller checks. */
  listServers(filters: ServerFilters, page: PageRequest, call?: ListCall): Promise<ServerPage> {
    const onLastId = call?.onLastId;
    const listCall: CallOptions | undefined = onLastId
      ? {
          ...call,
          beforeParse: (bytes) => {
            const id = lastIdOfList(bytes);
            return id === undefined ? undefined : onLastId(id);
          },
        }
      : call;
    return this.withVersion(async (apiVersion) => {
      const body = await this.transport.getJson(this.endpoints.virtualServerBaseUrl, '/v1/servers', serverListQuery(filters, page), apiVersion, listCall);
      return unwrap(parseServerPage(body, page.limit), 'GET /v1/servers', apiVersion);
    });
  }

  getServer(id: string, call?: CallOptions): Promise<Server> {
    return this.withVersion(async (apiVersion) => {
      const body = await this.transport.getJson(this.endpoints.virtualServerBaseUrl, serverPath(id), {}, apiVersion, call);
      return unwrap(parseServer(body), 'GET /v1/servers/{id}', apiVersion);
    });
  }

  /** Runs a virtual server call; on 406 with `auto`, once more with the version the catalog offers. */
  private async withVersion<T>(request: (apiVersion: string) => Promise<T>): Promise<T> {
    const version = this.versions.current;
    try {
      const result = await request(version);
      this.versions.worked(version);
      return result;
    } catch (error) {
      const next = isScpError(error) && error.kind === 'versionUnsupported' ? await this.versions.recover(version) : undefined;
      if (next === undefined || next === version) {
        throw error;
      }
      const result = await request(next);
      this.versions.worked(next);
      return result;
    }
  }

  /** `POST /v1/servers/{id}/<action>`, sent once (never retried); resolves when SCP accepted it (202). */
  serverAction(id: string, actionId: ServerActionId, call?: CallOptions): Promise<void> {
    const action = serverAction(actionId);
    const path = serverPath(id, `/${action.endpoint}`);
    return this.withVersion(async (apiVersion) => {
      await this.transport.send({ method: 'POST', baseUrl: this.endpoints.virtualServerBaseUrl, path, apiVersion, body: action.body }, call);
    });
  }

  /** The server's network interfaces: the only place SCP gives its public (static NAT) IP. */
  listInterfaces(id: string, call?: CallOptions): Promise<NetworkInterface[]> {
    return this.withVersion(async (apiVersion) => {
      const path = serverPath(id, '/interfaces');
      const body = await this.transport.getJson(this.endpoints.virtualServerBaseUrl, path, {}, apiVersion, call);
      return unwrap(parseInterfaces(body), 'GET /v1/servers/{id}/interfaces', apiVersion);
    });
  }

  getConsoleLog(id: string, lineSize: number, call?: CallOptions): Promise<string | null> {
    return this.withVersion(async (apiVersion) => {
      const path = serverPath(id, '/console-log');
      const body = await this.transport.getJson(this.endpoints.virtualServerBaseUrl, path, { line_size: [String(lineSize)] }, apiVersion, call);
      return unwrap(parseConsoleLog(body), 'GET /v1/servers/{id}/console-log', apiVersion);
    });
  }

  getImage(id: string, call?: CallOptions): Promise<ServerImage> {
    return this.withVersion(async (apiVersion) => {
      const body = await this.transport.getJson(this.endpoints.virtualServerBaseUrl, imagePath(id), {}, apiVersion, call);
      return unwrap(parseImage(body), 'GET /v1/images/{id}', apiVersion);
    });
  }

  async listVpcs(call?: CallOptions): Promise<Vpc[]> {
    const all: Vpc[] = [];
    let marker: string | undefined;
    for (let page = 0; page < VPC_MAX_PAGES; page++) {
      const query: Record<string, string[]> = { limit: [String(VPC_PAGE_SIZE)] };
      if (marker) {
        query.marker = [marker];
      }
      const body = await this.transport.getJson(this.endpoints.vpcBaseUrl, '/v1/vpcs', query, VPC_API_VERSION, call);
      const vpcs = unwrap(parseVpcPage(body), 'GET /v1/vpcs', VPC_API_VERSION);
      all.push(...vpcs);
      const last = vpcs[vpcs.length - 1]?.id;
      if (vpcs.length < VPC_PAGE_SIZE || last === undefined || last === marker) {
        break;
      }
      marker = last;
    }
    return all;
  }
}
