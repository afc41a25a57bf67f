// The API may invent new states: those are valid, shown as unknown.

export type StateCategory = 'running' | 'transitional' | 'stopped' | 'error' | 'unknown';

const TRANSITIONAL = [
  'BUILD',
  'REBUILD',
  'REBOOT',
  'HARD_REBOOT',
  'RESIZE',
  'VERIFY_RESIZE',
  'MIGRATING',
  'PASSWORD',
  'RESCUE',
  'STARTING',
  'STOPPING',
  'SHUTTING_DOWN',
  'CREATING',
  'DELETING',
  'EDITING',
  'RESTARTING',
];

export const KNOWN_STATES: readonly string[] = ['ACTIVE', ...TRANSITIONAL, 'SHUTOFF', 'ERROR'];

export function stateCategory(state: string): StateCategory {
  if (state === 'ACTIVE') {
    return 'running';
  }
  if (state === 'SHUTOFF' || state === 'STOPPED' || state === 'PAUSED' || state === 'SUSPENDED' || state === 'SHELVED') {
    return 'stopped';
  }
  if (state === 'ERROR') {
    return 'error';
  }
  return TRANSITIONAL.includes(state) ? 'transitional' : 'unknown';
}

/** ACTIVE first (what people look for), then what is changing, then stopped, then failed, then the rest by name. */
const CATEGORY_RANK: Record<StateCategory, number> = { running: 0, transitional: 1, stopped: 2, error: 3, unknown: 4 };

export function compareStates(a: string, b: string): number {
  const rank = CATEGORY_RANK[stateCategory(a)] - CATEGORY_RANK[stateCategory(b)];
  if (rank !== 0) {
    return rank;
  }
  const knownA = KNOWN_STATES.indexOf(a);
  const knownB = KNOWN_STATES.indexOf(b);
  if (knownA !== knownB && knownA >= 0 && knownB >= 0) {
    return knownA - knownB;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
