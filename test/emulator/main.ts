/**
 * `npm run emulator`: runs the SCP emulator until Ctrl-C / SIGTERM.
 *
 *     node out/test/emulator/main.js [--port N] [--servers N] [--seed N] [--latency MS] [--action-delay MS] [--auth-failure errors401|spring404]
 *         [--api-versions 1.2,1.3] [--burst-limit N/MS] [--limit-cap N] [--quiet]
 *
 * Without --port it tries 8787 and falls back to a random free port when 8787 is busy.
 */
import { DEFAULT_SEED, DEFAULT_SERVER_COUNT } from './dataset';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, SERVER_API_VERSIONS, ScpEmulator, type BurstLimit, type LoggedRequest } from './scpEmulator';

const DEFAULT_PORT = 8787;

export interface CliOptions {
  port?: number;
  servers: number;
  seed: number;
  latencyMs: number;
  /** How long stop/start/reboot take before the final state. */
  actionDelayMs: number;
  authFailure: 'errors401' | 'spring404';
  /** The `virtualserver` versions served; undefined = all. */
  apiVersions?: string[];
  burstLimit?: BurstLimit;
  limitCap?: number;
  quiet: boolean;
}

const USAGE = `usage: node out/test/emulator/main.js [options]
  --port N            port on 127.0.0.1 (default ${DEFAULT_PORT}, or a random one if busy; 0 = random)
  --servers N         number of servers (default ${DEFAULT_SERVER_COUNT})
  --seed N            dataset seed (default ${DEFAULT_SEED})
  --latency MS        delay before every answer (default 0)
  --action-delay MS   how long stop, start and reboot take (default 2000)
  --auth-failure K    errors401 (default) or spring404: how bad signatures are answered
  --api-versions L    the virtualserver versions served, e.g. 1.2,1.3 (default 1.1,1.2,1.3); others get 406
  --burst-limit N/MS  the WAF: more than N requests within MS milliseconds get 417 (e.g. 80/60000)
  --limit-cap N       list pages hold at most N items whatever limit asks
  --quiet             do not print one line per request`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { servers: DEFAULT_SERVER_COUNT, seed: DEFAULT_SEED, latencyMs: 0, actionDelayMs: 2000, authFailure: 'errors401', quiet: false };
  const integer = (flag: string, value: string | undefined, min: number): number => {
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < min) {
      throw new Error(`${flag} needs an integer ≥ ${min}\n${USAGE}`);
    }
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--port':
        options.port = integer(flag, argv[++i], 0);
        if (options.port > 65535) {
          throw new Error(`--port must be at most 65535\n${USAGE}`);
        }
        break;
      case '--servers':
        options.servers = integer(flag, argv[++i], 0);
        break;
      case '--seed':
        options.seed = integer(flag, argv[++i], 0);
        break;
      case '--latency':
        options.latencyMs = integer(flag, argv[++i], 0);
        break;
      case '--action-delay':
        options.actionDelayMs = integer(flag, argv[++i], 0);
        break;
      case '--auth-failure': {
        const value = argv[++i];
        if (value !== 'errors401' && value !== 'spring404') {
          throw new Error(`--auth-failure must be errors401 or spring404\n${USAGE}`);
        }
        options.authFailure = value;
        break;
      }
      case '--api-versions': {
        const versions = (argv[++i] ?? '').split(',').map((version) => `virtualserver ${version.trim()}`);
        if (versions.some((version) => !SERVER_API_VERSIONS.includes(version))) {
          throw new Error(`--api-versions takes a comma list of 1.1, 1.2, 1.3\n${USAGE}`);
        }
        options.apiVersions = versions;
        break;
      }
      case '--burst-limit': {
        const match = /^(\d+)\/(\d+)$/.exec(argv[++i] ?? '');
        if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
          throw new Error(`--burst-limit needs N/MS, e.g. 80/60000\n${USAGE}`);
        }
        options.burstLimit = { requests: Number(match[1]), windowMs: Number(match[2]) };
        break;
      }
      case '--limit-cap':
        options.limitCap = integer(flag, argv[++i], 1);
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}

function describe(entry: LoggedRequest): string {
  const notes = [entry.apiVersion, entry.authFailure, entry.fault].filter((note) => note !== undefined);
  return `${entry.status || '---'} ${entry.method} ${entry.rawTarget}${notes.length ? `  (${notes.join('; ')})` : ''}`;
}

async function startEmulator(options: CliOptions): Promise<ScpEmulator> {
  const make = (port: number): ScpEmulator =>
    new ScpEmulator({
      port,
      serverCount: options.servers,
      seed: options.seed,
      authFailure: options.authFailure,
      serverApiVersions: options.apiVersions,
      actionDelayMs: options.actionDelayMs,
      onRequest: options.quiet ? undefined : (entry) => console.log(describe(entry)),
    });
  const emulator = make(options.port ?? DEFAULT_PORT);
  try {
    await emulator.start();
    return emulator;
  } catch (error) {
    if (options.port !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      throw error;
    }
    console.log(`port ${DEFAULT_PORT} is busy: using a random free port`);
    const fallback = make(0);
    await fallback.start();
    return fallback;
  }
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  const emulator = await startEmulator(options);
  emulator.faults.latencyMs = options.latencyMs;
  emulator.faults.burstLimit = options.burstLimit ?? null;
  emulator.faults.limitCap = options.limitCap ?? null;
  const shutdown = (signal: NodeJS.Signals): void => {
    process.off('SIGINT', shutdown);
    process.off('SIGTERM', shutdown);
    console.log(`${signal}: stopping`);
    emulator.stop().then(
      () => console.log('stopped'),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const url = emulator.url;
  console.log(
    [
      `SCP emulator listening on ${url}  (${emulator.servers.length} servers, ${emulator.vpcs.length} VPCs, seed ${options.seed})`,
      `  access key: ${DEMO_ACCESS_KEY}`,
      `  secret key: ${DEMO_SECRET_KEY}   (a demo key, not a real one)`,
      'Point the extension at it:',
      `  settings.json:  "scpExplorer.endpoint": "${url}"`,
      `  environment:    SCP_TF_ACCESS_KEY=${DEMO_ACCESS_KEY} SCP_TF_SECRET_KEY=${DEMO_SECRET_KEY}`,
      `  (SDK-style tools: SCP_TF_ENDPOINT_OVERRIDE=${url})`,
      'Requests must be signed (docs/scp-api-facts.md#request-signing); unsigned ones get 401. Ctrl-C stops.',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
