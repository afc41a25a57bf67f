import type * as vscode from 'vscode';
import type { RequestLogger, RequestRecord } from './api/signedTransport';

/** Headers are never logged: they carry the access key and the signature. */
export function outputChannelRequestLogger(channel: vscode.LogOutputChannel): RequestLogger {
  return {
    request(record: RequestRecord): void {
      const retry = record.retries > 0 ? `, retry ${record.retries}` : '';
      const outcome = record.status !== undefined ? String(record.status) : (record.error ?? 'failed');
      const server = record.serverMs !== undefined ? ` (server ${record.serverMs} ms)` : '';
      const line = `${record.method} ${record.target} → ${outcome} in ${record.durationMs} ms${server}${retry}`;
      if (record.error || (record.status !== undefined && record.status >= 400)) {
        channel.warn(line);
      } else {
        channel.info(line);
      }
    },
  };
}
