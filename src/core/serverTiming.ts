/** W3C Server Timing, e.g. `db;dur=2, app;desc="list";dur=10`: the server's own time is the sum of every `dur`. */
export function parseServerTiming(header: string | undefined): number | undefined {
  if (!header) {
    return undefined;
  }
  let total: number | undefined;
  for (const metric of header.split(',')) {
    const dur = /;\s*dur\s*=\s*"?([0-9]+(?:\.[0-9]+)?)"?/i.exec(metric)?.[1];
    if (dur !== undefined) {
      total = (total ?? 0) + Number(dur);
    }
  }
  return total;
}
