import type { RequestLimiter } from './requestLimiter';
import type { PageHooks } from './serverListing';
import { isScpError } from './scpError';
import { ServerExtrasCache } from './serverExtrasCache';
import type { PageRequest, Server, ServerFilters, ServerPage, Vpc } from './serverModel';
import { publicIpsOf, type NetworkInterface, type ServerImage } from './serverNetwork';

/** The calls of one SCP connection that the model and the commands make; `ScpClient` is the real one. */
export interface ServerApi {
  listServers(filters: ServerFilters, page: PageRequest, call?: { signal?: AbortSignal } & PageHooks): Promise<ServerPage>;
  getServer(id: string, call?: { signal?: AbortSignal }): Promise<Server>;
  listVpcs(call?: { signal?: AbortSignal }): Promise<Vpc[]>;
  readonly apiVersion?: string;
  readonly limiter?: Pick<RequestLimiter, 'waitOutRejection'>;
  listInterfaces(id: string, call?: { signal?: AbortSignal }): Promise<NetworkInterface[]>;
  getImage(id: string, call?: { signal?: AbortSignal }): Promise<ServerImage>;
  getConsoleLog(id: string, lineSize: number, call?: { signal?: AbortSignal }): Promise<string | null>;
}

export type CredentialSource = 'secretStorage' | 'environment' | 'scpConfig';

/** VPC names are fetched once per connection: they rarely change, and listing them needs a permission many keys lack. */
export class Connection<Api extends ServerApi = ServerApi> {
  private vpcNames: Promise<ReadonlyMap<string, string>> | undefined;
  /** Public IPs and images, each read once on demand; a new connection (other key or settings) starts empty. */
  readonly extras: ServerExtrasCache;

  constructor(
    readonly client: Api,
    readonly source: CredentialSource,
    readonly target: string,
    private readonly warn: (message: string) => void,
  ) {
    this.extras = new ServerExtrasCache(
      { publicIps: async (id) => publicIpsOf(await client.listInterfaces(id)), image: (id) => client.getImage(id) },
      // A key that may not read interfaces or images will not be allowed on the next server either.
      (error) => isScpError(error) && error.kind === 'forbidden',
    );
  }

  /** VPC id → name. Never rejects: without names the tree shows ids, and the reason is logged. */
  vpcNamesOnce(): Promise<ReadonlyMap<string, string>> {
    this.vpcNames ??= this.client.listVpcs().then(
      (vpcs) => new Map(vpcs.filter((vpc) => vpc.name).map((vpc) => [vpc.id, vpc.name])),
      (error: unknown) => {
        this.warn(`VPC names are not available, showing VPC ids instead: ${(error as Error).message}`);
        this.vpcNames = undefined;
        return new Map<string, string>();
      },
    );
    return this.vpcNames;
  }
}
