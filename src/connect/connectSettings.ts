import * as os from 'node:os';
import * as path from 'node:path';
import { expandHome } from '../core/sshCommand';
import { readRemoteSshConfigFile } from '../settings';

/** The user's home, read on every use (the tests point HOME at a temporary folder). */
export function homeDir(): string {
  return os.homedir();
}

/** Remote-SSH's `remote.SSH.configFile` when set, else `~/.ssh/config`. */
export function sshConfigPath(): string {
  const configured = readRemoteSshConfigFile();
  const home = homeDir();
  return configured ? expandHome(configured, home) : path.join(home, '.ssh', 'config');
}
