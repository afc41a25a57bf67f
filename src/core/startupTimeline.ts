/**
 * When each stage between activate() and the first rows was first reached (`performance.now()`, the extension host's
 * clock): `npm run bench` prints them beneath first paint. Later reconnects reach the same stages and are not recorded.
 */
export class StartupTimeline {
  private readonly reached = new Map<string, number>();

  mark(stage: string): void {
    if (!this.reached.has(stage)) {
      this.reached.set(stage, performance.now());
    }
  }

  get stages(): ReadonlyArray<readonly [stage: string, at: number]> {
    return [...this.reached];
  }
}
