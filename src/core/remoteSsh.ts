import type { SshTarget } from './sshCommand';

/** Remote-SSH's extension id, and the window authority it opens. */
export const REMOTE_SSH_EXTENSION_ID = 'ms-vscode-remote.remote-ssh';

/**
 * `ssh-remote+<alias>` for a Host of the SSH config; otherwise Remote-SSH's hex-encoded JSON form, which carries
 * the address and user (Remote-SSH has no way to take a key file but the SSH config).
 */
export function remoteSshAuthority(target: Pick<SshTarget, 'address' | 'user'>, alias?: string): string {
  if (alias) {
    return `ssh-remote+${alias}`;
  }
  const json = JSON.stringify({ hostName: target.address, user: target.user });
  return `ssh-remote+${Buffer.from(json, 'utf8').toString('hex')}`;
}
