import { badResponse } from '../core/errorResponses';
import { parseServer, parseServerPage, parseVpcPage, type Parsed } from '../core/responseParsing';
import { serverListQuery } from '../core/serverQuery';
import { serverPath } from '../core/serverPaths';
import type { PageRequest, Server, ServerFilters, ServerPage, Vpc } from '../core/serverModel';
import { VPC_API_VERSION } from '../core/endpoints';
import type { CallOptions, SignedTransport } from './signedTransport';

export interface ClientEndpoints {
  virtualServerBaseUrl: string;
  vpcBaseUrl: string;
  /** `Scp-Api-Version` of the virtual server calls, e.g. `virtualserver 1.1`. */
  apiVersion: string;
}

/** VPCs are few; these bound the paging so a misbehaving marker cannot loop forever. */
const VPC_PAGE_SIZE = 100;
const VPC_MAX_PAGES = 50;

function unwrap<T>(parsed: Parsed<T>, what: string, apiVersion: string): T {
  if (!parsed.ok) {
    throw badResponse({ what, apiVersion }, parsed.why);
  }
  return parsed.value;
}

/** Typed calls of the SCP virtual server and VPC services; one instance per connection (keys and endpoints). */
export class ScpClient {
  constructor(
    private readonly transport: SignedTransport,
    readonly endpoints: ClientEndpoints,
  ) {}

  /** One page of servers. `nextMarker` is set while the page came back full. */
  async listServers(filters: ServerFilters, page: PageRequest, call?: CallOptions): Promise<ServerPage> {
    const { virtualServerBaseUrl, apiVersion } = this.endpoints;
    const body = await this.transport.getJson(virtualServerBaseUrl, '/v1/servers', serverListQuery(filters, page), apiVersion, call);
    return unwrap(parseServerPage(body, page.limit), 'GET /v1/servers', apiVersion);
  }

  async getServer(id: string, call?: CallOptions): Promise<Server> {
    const { virtualServerBaseUrl, apiVersion } = this.endpoints;
    const path = serverPath(id);
    const body = await this.transport.getJson(virtualServerBaseUrl, path, {}, apiVersion, call);
    return unwrap(parseServer(body), 'GET /v1/servers/{id}', apiVersion);
  }

  /** Every VPC, paging with the marker until a short page. */
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
