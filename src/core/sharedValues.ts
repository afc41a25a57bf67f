import type { Server } from './serverModel';

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
const REPEATING_OBJECTS: readonly (keyof Server)[] = ['server_type', 'security_groups'];
/** An account where these values never repeat costs a table of this size at most. */
const MAX_ENTRIES = 20_000;

/** `JSON.parse` copies repeated values into every server (a third of its memory); sharing is safe as nothing writes into a loaded server. */
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
