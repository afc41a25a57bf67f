import type * as vscode from 'vscode';
import type { ScpClient } from '../api/scpClient';
import type { CredentialSource } from '../credentials/credentialResolver';

/**
 * A client for one set of settings and keys, and what is cached for it: VPC names are fetched once per connection,
 * since they rarely change and listing them needs its own permission that many keys lack.
 */
export class Connection {
  private vpcNames: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(
    readonly client: ScpClient,
    readonly source: CredentialSource,
    /** Where requests go, for the view's description: a region and environment, or the override host. */
    readonly target: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** VPC id → name. Never rejects: without names the tree shows ids, and the reason is logged. */
  vpcNamesOnce(): Promise<ReadonlyMap<string, string>> {
    this.vpcNames ??= this.client.listVpcs().then(
      (vpcs) => new Map(vpcs.filter((vpc) => vpc.name).map((vpc) => [vpc.id, vpc.name])),
      (error: unknown) => {
        this.log.warn(`VPC names are not available, showing VPC ids instead: ${(error as Error).message}`);
        return new Map<string, string>();
      },
    );
    return this.vpcNames;
  }
}
