import type { Timers } from '../../src/core/serverFollower';

/** A clock that moves only when the test says so; `advance` fires the timers that fall due, in order. */
export class FakeTimers implements Timers {
  private current = 1_000_000;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.current + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pending(): number {
    return this.due.size;
  }

  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      const next = [...this.due.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) {
        break;
      }
      this.due.delete(next[0]);
      this.current = next[1].at;
      next[1].callback();
    }
    this.current = until;
  }
}
