// Starts emulatorProcess.js as a child process (of the extension host, or of the runner) and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { EmulatorReply, EmulatorRequest, RequestCounts } from './emulatorProcess';

type Without<R> = R extends unknown ? Omit<R, 'id'> : never;

export class EmulatorClient {
  /** The emulator's base URL, for the `scpExplorer.endpoint` setting. */
  url = '';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private stderr = '';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: EmulatorReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) {
        waiter?.resolve(reply.value);
      } else {
        waiter?.reject(new Error(`emulator: ${reply.error}`));
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) {
        waiter.reject(new Error(`emulator process exited (${code})\n${this.stderr}`));
      }
      this.pending.clear();
    });
  }

  /** Forks the emulator process and starts an emulator with `serverCount` servers on 127.0.0.1. */
  static async start(serverCount: number, seed = 7): Promise<EmulatorClient> {
    const child = fork(path.join(__dirname, 'emulatorProcess.js'), [], {
      execArgv: [],
      // In a desktop VS Code the extension host's execPath is the Electron binary: make it behave as Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const client = new EmulatorClient(child);
    const started = (await client.call({ op: 'start', serverCount, seed })) as { url: string };
    client.url = started.url;
    return client;
  }

  private call(request: Without<EmulatorRequest>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id }, (error) => {
        if (error) {
          this.pending.delete(id);
          reject(error);
        }
      });
    });
  }

  setLatency(ms: number): Promise<unknown> {
    return this.call({ op: 'latency', ms });
  }

  /** The emulated WAF (more than N requests within a window get 417) and a cap on the page size. */
  setWaf(burstLimit: { requests: number; windowMs: number } | null, limitCap: number | null): Promise<unknown> {
    return this.call({ op: 'waf', burstLimit, limitCap });
  }

  /** The emulator asks itself for the first page and the VPCs a few times, so its own first requests are not cold. */
  warm(): Promise<unknown> {
    return this.call({ op: 'warm' });
  }

  clearRequests(): Promise<unknown> {
    return this.call({ op: 'clear' });
  }

  counts(): Promise<RequestCounts> {
    return this.call({ op: 'counts' }) as Promise<RequestCounts>;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.connected) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.call({ op: 'stop' }).catch(() => undefined);
      await exited;
    }
  }
}
