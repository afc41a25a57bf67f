// Stopping a process together with everything it started. code-server starts a file watcher, a pty host, an
// agent host and the extension host; killing only its pid leaves those behind. It runs as the leader of its own
// process group (spawned with `detached: true`, which calls setsid), so the group is signalled as a whole; a
// marker variable in its environment, inherited by every descendant, finds any process that left the group.
import * as fs from 'node:fs';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True while any process of the group led by `pgid` is alive. */
function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`, then waits (bounded) until the group is gone. */
export async function stopProcessGroup(pgid: number, graceMs = 3000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  for (let waited = 0; waited < graceMs && processGroupAlive(pgid); waited += 50) {
    await sleep(50);
  }
  if (processGroupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    for (let waited = 0; waited < 2000 && processGroupAlive(pgid); waited += 50) {
      await sleep(50);
    }
  }
}

/** For `process.on('exit')`, where nothing asynchronous runs any more. */
export function killProcessGroupNow(pgid: number): void {
  signalGroup(pgid, 'SIGKILL');
}

/**
 * Pids of the processes (other than this one) whose environment holds `name=value`. Linux only: reads
 * /proc/<pid>/environ, which is readable for one's own processes; elsewhere it finds nothing.
 */
function processesWithEnvMarker(name: string, value: string): number[] {
  const needle = Buffer.from(`${name}=${value}\0`);
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) {
      continue;
    }
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`);
      // Compare with a leading NUL or at the start, so NAME=value does not match OTHER_NAME=value.
      const at = environ.indexOf(needle);
      if (at === 0 || (at > 0 && environ.indexOf(Buffer.concat([Buffer.from([0]), needle])) >= 0)) {
        found.push(pid);
      }
    } catch {
      // Gone meanwhile, or not ours.
    }
  }
  return found;
}

/** SIGKILLs every process that carries the marker; returns how many there were. */
export function killProcessesWithEnvMarker(name: string, value: string): number {
  const pids = processesWithEnvMarker(name, value);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}
