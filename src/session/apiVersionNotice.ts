import * as vscode from 'vscode';
import type { VersionMemory } from '../core/apiVersionNegotiator';
import type { VersionAdvice } from '../core/apiVersions';
import { STORAGE_KEYS } from '../constants';
import { writeUserSettings } from '../settings';

export function globalStateVersionMemory(state: vscode.Memento): VersionMemory {
  const all = (): Record<string, string> => state.get<Record<string, string>>(STORAGE_KEYS.apiVersions) ?? {};
  return {
    recall: (baseUrl) => {
      const version = all()[baseUrl];
      return typeof version === 'string' ? version : undefined;
    },
    remember: (baseUrl, version) => void state.update(STORAGE_KEYS.apiVersions, { ...all(), [baseUrl]: version }),
  };
}

/** The sentence quotes no server text: the versions are ones the extension knows and the date was checked to be a date. */
export class ApiVersionNotice {
  private offered = false;

  constructor(
    private readonly memory: VersionMemory,
    private readonly reconnect: (why: string) => void,
  ) {}

  offer(advice: VersionAdvice, baseUrl: string, auto: boolean): void {
    if (this.offered) {
      return;
    }
    this.offered = true;
    const message = advice.deprecated
      ? vscode.l10n.t('SCP marks the API version {0} as deprecated. Switch to {1}?', advice.inUse, advice.suggested)
      : vscode.l10n.t('SCP may stop serving the API version {0} from {1}. Switch to {2}?', advice.inUse, advice.notBefore ?? '', advice.suggested);
    const action = vscode.l10n.t('Switch to {0}', advice.suggested);
    void vscode.window.showWarningMessage(message, action).then(async (choice) => {
      if (choice !== action) {
        return;
      }
      if (auto) {
        this.memory.remember(baseUrl, advice.suggested);
        this.reconnect(`switching to ${advice.suggested}`);
      } else {
        // A settings change reconnects by itself.
        await writeUserSettings({ apiVersion: advice.suggested });
      }
    });
  }
}
