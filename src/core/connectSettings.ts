import type { SshSettings } from './sshCommand';

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {};
  }
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** `get`: a setting of the `scpExplorer.ssh` group by its key (`user`, `extraArgs` …), as settings.json has it. */
export function checkSshSettings(get: (key: string) => unknown): SshSettings {
  const extraArgs = get('extraArgs');
  return {
    preferredAddress: get('preferredAddress') === 'private' ? 'private' : 'public',
    user: stringMap(get('user')),
    identityFiles: stringMap(get('identityFiles')),
    extraArgs: Array.isArray(extraArgs) ? extraArgs.filter((arg): arg is string => typeof arg === 'string' && arg !== '') : [],
  };
}
