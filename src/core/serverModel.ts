// docs/scp-api-facts.md#listing-servers. Optional fields really are optional: the API sends null or leaves them out.

export interface IpAddress {
  ip_address: string;
  version?: number | null;
}

export interface SubnetAddresses {
  subnet_name: string;
  ip_addresses: IpAddress[];
}

export interface ServerType {
  id?: string | null;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral?: number;
  swap?: number;
  extra_specs?: Record<string, unknown>;
}

export type ProductCategory = 'compute' | 'container';
export const PRODUCT_CATEGORIES: readonly ProductCategory[] = ['compute', 'container'];

export type ProductOffering = 'virtual_server' | 'gpu_server' | 'k8s_vm' | 'k8s_gpu_vm';
export const PRODUCT_OFFERINGS: readonly ProductOffering[] = ['virtual_server', 'gpu_server', 'k8s_vm', 'k8s_gpu_vm'];

export interface Server {
  id: string;
  name: string;
  /** Any string: the API may invent states later. */
  state: string;
  account_id: string;
  created_at: string;
  created_by: string;
  modified_at: string;
  disk_config: string;
  locked: boolean;
  metadata: unknown;
  server_type: ServerType;
  volumes: { id: string; delete_on_termination: boolean }[];
  addresses?: SubnetAddresses[] | null;
  security_groups?: { name: string }[] | null;
  vpc_id?: string | null;
  image_id?: string | null;
  keypair_name?: string | null;
  server_group_id?: string | null;
  auto_scaling_group_id?: string | null;
  launch_configuration_id?: string | null;
  is_marketplace?: boolean | null;
  partition_number?: number | null;
  planned_compute_os_type?: string | null;
  product_category?: string | null;
  product_offering?: string | null;
}

export interface Vpc {
  id: string;
  name: string;
  cidr?: string;
  state?: string;
}

export type { ServerFilters } from './filters/queryFields';

export interface PageRequest {
  limit: number;
  marker?: string;
}

export interface ServerPage {
  servers: Server[];
  nextMarker?: string;
}

export const DEFAULT_SORT = 'created_at:desc';
