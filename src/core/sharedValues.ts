import type { Server } from './serverModel';

/** Fields whose values repeat across an account's servers (one account, a few VPCs, images, users and types). */
const REPEATING_TEXT: readonly (keyof Server)[] = [
  'state',
  'account_id',
  'created_by',
  'vpc_id',
  'image_id',
  'keypair_name',
  'disk_config',
  'metadata',
  'server_group_id',
  'auto_scaling_group_id',
  'launch_configuration_id',
  'planned_compute_os_type',
  'product_category',
  'product_offering',
];
/** Small objects that are the same on many servers, shared when their JSON is equal. */
const REPEATING_OBJECTS: readonly (keyof Server)[] = ['server_type', 'security_groups'];
/** A bound, so an account where these values never repeat costs a table of this size at most. */
const MAX_ENTRIES = 20_000;

/**
 * Makes loaded servers share equal values: `JSON.parse` gives every server its own copy of the account id, the
 * VPC id, the server type and so on, about a third of a server's memory. Shared values are never modified: the
 * listing replaces whole servers, and nothing writes into a loaded one.
 */
export class SharedValues {
  private readonly table = new Map<string, unknown>();

  share(server: Server): Server {
    const record = server as unknown as Record<string, unknown>;
    for (const key of REPEATING_TEXT) {
      const value = record[key];
      if (typeof value === 'string') {
        record[key] = this.shared(value, value);
      }
    }
    for (const key of REPEATING_OBJECTS) {
      const value = record[key];
      if (typeof value === 'object' && value !== null) {
        record[key] = this.shared(`\u0000${key}\u0000${JSON.stringify(value)}`, value);
      }
    }
    for (const subnet of Array.isArray(server.addresses) ? server.addresses : []) {
      if (typeof subnet?.subnet_name === 'string') {
        subnet.subnet_name = this.shared(subnet.subnet_name, subnet.subnet_name);
      }
    }
    return server;
  }

  private shared<T>(key: string, value: T): T {
    const known = this.table.get(key);
    if (known !== undefined) {
      return known as T;
    }
    if (this.table.size < MAX_ENTRIES) {
      this.table.set(key, value);
    }
    return value;
  }
}
