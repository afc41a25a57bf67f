import type { SshTarget } from './sshCommand';

export const REMOTE_SSH_EXTENSION_ID = 'ms-vscode-remote.remote-ssh';

/** Without an alias, the hex-encoded JSON form; Remote-SSH takes a key file only from the SSH config. */
export function remoteSshAuthority(target: Pick<SshTarget, 'address' | 'user'>, alias?: string): string {
  if (alias) {
    return `ssh-remote+${alias}`;
  }
  const json = JSON.stringify({ hostName: target.address, user: target.user });
  return `ssh-remote+${Buffer.from(json, 'utf8').toString('hex')}`;
}
