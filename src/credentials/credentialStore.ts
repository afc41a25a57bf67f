import * as vscode from 'vscode';
import type { AccessKey } from '../core/signing';
import { STORAGE_KEYS } from '../constants';

const SECRET_ID = STORAGE_KEYS.accessKey;

/** One SecretStorage entry, so the two halves change together; `onDidChange` also fires for another window's change. */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private early: Promise<AccessKey | undefined> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_ID) {
        this.early = undefined;
        this.changed.fire();
      }
    });
  }

  /** Starts reading at activation, so the first connect does not wait a whole round trip to VS Code's secret store. */
  readEarly(): void {
    this.early ??= this.read();
    this.early.catch(() => undefined);
  }

  /** The early read serves the first get() only, and only if the key did not change since. */
  get(): Promise<AccessKey | undefined> {
    const early = this.early;
    this.early = undefined;
    return early ?? this.read();
  }

  private async read(): Promise<AccessKey | undefined> {
    const stored = await this.secrets.get(SECRET_ID);
    if (!stored) {
      return undefined;
    }
    try {
      const parsed = JSON.parse(stored) as Partial<AccessKey>;
      return parsed.accessKey && parsed.secretKey ? { accessKey: parsed.accessKey, secretKey: parsed.secretKey } : undefined;
    } catch {
      return undefined;
    }
  }

  async save(key: AccessKey): Promise<void> {
    this.early = undefined;
    await this.secrets.store(SECRET_ID, JSON.stringify({ accessKey: key.accessKey, secretKey: key.secretKey }));
  }

  async clear(): Promise<void> {
    this.early = undefined;
    await this.secrets.delete(SECRET_ID);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
