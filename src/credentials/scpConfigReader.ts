import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../core/result';
import { parseScpConfig, type ScpConfig } from '../core/scpConfigFiles';

/** `~/.scpconf` (on Windows `%USERPROFILE%\.scpconf`), where the official SCP tools keep their settings. */
export function scpConfigDirectory(): string {
  return join(homedir(), '.scpconf');
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new Error(l10n.t('{0} could not be read ({1}).', path, (error as NodeJS.ErrnoException).code ?? String(error)), { cause: error });
  }
}

/** Reads both files; neither being there is an empty result, a broken one is an error that names the file. */
export async function readScpConfigFiles(directory = scpConfigDirectory()): Promise<Result<ScpConfig>> {
  try {
    const [config, credentials] = await Promise.all([
      readIfPresent(join(directory, 'config.json')),
      readIfPresent(join(directory, 'credentials.json')),
    ]);
    const read = parseScpConfig(config, credentials);
    return read.ok ? read : { ok: false, error: `${directory}: ${read.error}` };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
