/**
 * Reading list query parameters strictly: the emulator answers 400 for anything a careful client would not
 * send (unknown keys, a single-valued key repeated, empty values, bad numbers), so client bugs show up in tests.
 */

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10000;

/** Collects the values of each key and the problems found; `problems` becomes the 400 detail. */
export class ListParams {
  readonly problems: string[] = [];
  private readonly values = new Map<string, string[]>();

  constructor(pairs: readonly (readonly [string, string])[], allowed: readonly string[], repeatable: readonly string[] = []) {
    for (const [key, value] of pairs) {
      if (!allowed.includes(key)) {
        this.problems.push(`unknown query parameter ${JSON.stringify(key)}`);
        continue;
      }
      const list = this.values.get(key) ?? [];
      list.push(value);
      this.values.set(key, list);
    }
    for (const [key, list] of this.values) {
      if (list.length > 1 && !repeatable.includes(key)) {
        this.problems.push(`${key} is given ${list.length} times; it takes one value`);
      }
      if (list.some((value) => value === '')) {
        this.problems.push(`${key} must not be empty`);
      }
    }
  }

  /** The (first) value of a single-valued key. */
  one(key: string): string | undefined {
    return this.values.get(key)?.[0];
  }

  all(key: string): string[] {
    return this.values.get(key) ?? [];
  }

  /** Checks a value against a closed list; undefined when absent or invalid (and the problem is recorded). */
  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.one(key);
    if (value === undefined || value === '') {
      return undefined;
    }
    if (!(choices as readonly string[]).includes(value)) {
      this.problems.push(`${key} must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value as T;
  }

  /** `limit`: an integer 1..MAX_LIMIT written in plain digits; DEFAULT_LIMIT when absent. */
  limit(): number {
    const value = this.one('limit');
    if (value === undefined || value === '') {
      return DEFAULT_LIMIT;
    }
    const parsed = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= 1 && parsed <= MAX_LIMIT)) {
      this.problems.push(`limit must be an integer from 1 to ${MAX_LIMIT}; got ${JSON.stringify(value)}`);
      return DEFAULT_LIMIT;
    }
    return parsed;
  }
}

/** Ordinal (UTF-16 code unit) comparison: the same on every Node version and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads an API timestamp as epoch milliseconds. Without a time zone it means UTC (docs/scp-api-facts.md#listing-servers);
 * digits beyond milliseconds are ignored; anything unreadable sorts first (−Infinity).
 */
export function parseApiTimestamp(text: unknown): number {
  if (typeof text !== 'string') {
    return Number.NEGATIVE_INFINITY;
  }
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!match) {
    return Number.NEGATIVE_INFINITY;
  }
  const fraction = match[2] ? `.${match[2].slice(0, 3).padEnd(3, '0')}` : '';
  const zone = match[3] ?? 'Z';
  const ms = Date.parse(`${match[1]}${fraction}${zone.toUpperCase()}`);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}
