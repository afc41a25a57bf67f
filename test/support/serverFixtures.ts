import type { Server } from '../../src/core/serverModel';

/** A minimal valid server for logic tests; the emulator's dataset covers the realistic ones. */
export function makeServer(id: string, overrides: Partial<Server> = {}): Server {
  return {
    id,
    name: `server-${id}`,
    state: 'ACTIVE',
    account_id: 'acct',
    created_at: '2026-01-01T00:00:00Z',
    created_by: 'user',
    modified_at: '2026-01-02T00:00:00',
    disk_config: 'MANUAL',
    locked: false,
    metadata: '',
    server_type: { id: 's1v2m4', name: 's1v2m4', vcpus: 2, ram: 4096, disk: 0 },
    volumes: [],
    ...overrides,
  };
}
