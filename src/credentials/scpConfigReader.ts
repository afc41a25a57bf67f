import * as l10n from '@vscode/l10n';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ok, fail, type Result } from '../core/result';
import { parseScpConfig, type ScpConfigFiles } from '../core/scpConfigFiles';

/** Far above any real config or credentials file (a few hundred bytes); a larger one is not one of them. */
const MAX_SCP_CONFIG_BYTES = 64 * 1024;

export function scpConfigDirectory(): string {
  return join(homedir(), '.scpconf');
}

function unreadable(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new Error(l10n.t('{0} could not be read ({1}).', path, code), { cause: error });
}

function notRegularFile(path: string): Error {
  return new Error(l10n.t('{0} is not a regular file.', path));
}

// Only a regular file, and at most the cap: a FIFO or a device would block an extension host thread for good, a huge
// file fill its memory.
async function readIfPresent(path: string): Promise<string | undefined> {
  const info = await stat(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw unreadable(path, error);
  });
  if (!info) {
    return undefined;
  }
  if (!info.isFile()) {
    throw notRegularFile(path);
  }
  // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it still does not wait for a writer.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: unknown) => {
    throw unreadable(path, error);
  });
  try {
    if (!(await handle.stat()).isFile()) {
      throw notRegularFile(path);
    }
    const buffer = Buffer.alloc(MAX_SCP_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
    }
    if (length > MAX_SCP_CONFIG_BYTES) {
      throw new Error(l10n.t('{0} is larger than {1} KiB, too large for a settings file.', path, MAX_SCP_CONFIG_BYTES / 1024));
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

export async function readScpConfigFiles(directory = scpConfigDirectory()): Promise<Result<ScpConfigFiles>> {
  const credentials = await readIfPresent(join(directory, 'credentials.json')).then(
    (text) => ({ ok: true as const, text }),
    (error: unknown) => ({ ok: false as const, error: (error as Error).message }),
  );
  if (!credentials.ok) {
    return credentials;
  }
  // config.json only adds region, environment and endpoint: when it cannot be read, the keys still count.
  const config = await readIfPresent(join(directory, 'config.json')).then(
    (text) => ({ text, problem: undefined }),
    (error: unknown) => ({ text: undefined, problem: (error as Error).message }),
  );
  const read = parseScpConfig(config.text, credentials.text);
  if (!read.ok) {
    return fail(`${directory}: ${read.error}`);
  }
  const problems = [...(config.problem ? [config.problem] : []), ...read.value.problems.map((problem) => `${directory}: ${problem}`)];
  return ok({ ...read.value, problems });
}
