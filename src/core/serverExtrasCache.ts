import type { ServerImage } from './serverNetwork';

export interface ServerExtrasSource {
  publicIps(serverId: string): Promise<string[]>;
  image(imageId: string): Promise<ServerImage>;
}

/** A failed read is forgotten so the next use asks again, unless `isPermanent` says every read will fail alike. */
class OncePerKey<V> {
  private readonly requests = new Map<string, Promise<V>>();
  private refused: unknown;

  constructor(
    private readonly read: (key: string) => Promise<V>,
    private readonly isPermanent: (error: unknown) => boolean,
  ) {}

  get(key: string): Promise<V> {
    if (this.refused !== undefined) {
      return Promise.reject(this.refused);
    }
    let request = this.requests.get(key);
    if (!request) {
      request = this.read(key).catch((error: unknown) => {
        this.requests.delete(key);
        if (this.isPermanent(error)) {
          this.refused = error;
        }
        throw error;
      });
      this.requests.set(key, request);
    }
    return request;
  }
}

/** Each fetched once, on demand (tooltip, details, copy, connect), never for every row. */
export class ServerExtrasCache {
  private readonly knownPublicIps = new Map<string, readonly string[]>();
  private readonly publicIpReads: OncePerKey<string[]>;
  private readonly imageReads: OncePerKey<ServerImage>;

  constructor(source: ServerExtrasSource, isPermanent: (error: unknown) => boolean = () => false) {
    this.publicIpReads = new OncePerKey(async (serverId) => {
      const ips = await source.publicIps(serverId);
      this.knownPublicIps.set(serverId, ips);
      return ips;
    }, isPermanent);
    this.imageReads = new OncePerKey((imageId) => source.image(imageId), isPermanent);
  }

  publicIps(serverId: string): Promise<string[]> {
    return this.publicIpReads.get(serverId);
  }

  /** The public IPs already fetched, without a request: for matching in Find Server. */
  knownPublicIpsOf(serverId: string): readonly string[] | undefined {
    return this.knownPublicIps.get(serverId);
  }

  image(imageId: string): Promise<ServerImage> {
    return this.imageReads.get(imageId);
  }
}
