/**
 * Writes one answer and records it in the request's log entry. Every way of answering goes through here.
 */
import type { ServerResponse } from 'node:http';
import { errorsBody, plainTextBody, spring404Body, wafRejectedHtml, type RequestIds } from './errorBodies';
import type { FailEvery } from './faults';
import type { LoggedRequest } from './loggedRequest';

const JSON_TYPE = 'application/json';

export class Reply {
  private settled = false;
  /** When the request arrived, moved on by the latency knob's wait: the emulator's own time counts from here. */
  private workStarted: number;

  constructor(
    private readonly res: ServerResponse,
    readonly entry: LoggedRequest,
    private readonly ids: RequestIds,
    private readonly onSettled: (entry: LoggedRequest) => void,
  ) {
    this.workStarted = entry.arrivedAt;
  }

  /** The latency knob's wait is not the emulator's own time; a late timer is. */
  excludeLatency(ms: number): void {
    this.workStarted += ms;
  }

  get done(): boolean {
    return this.settled;
  }

  noteFault(name: string): void {
    this.entry.fault = this.entry.fault ? `${this.entry.fault},${name}` : name;
  }

  send(status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
    // Encoded before the time is taken: turning a large answer into bytes is the service's work too.
    const bytes = Buffer.from(body, 'utf8');
    const timing = this.serverTiming();
    if (!this.claim(status)) {
      return;
    }
    this.res.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': String(bytes.length),
      'Server-Timing': timing,
      ...headers,
    });
    this.res.end(bytes);
  }

  json(status: number, value: unknown): void {
    this.send(status, JSON_TYPE, JSON.stringify(value));
  }

  errors(status: number, detail: string[] | string, headers: Record<string, string> = {}, code?: string, title?: string): void {
    this.send(status, JSON_TYPE, errorsBody(status, detail, this.ids, code, title), headers);
  }

  /** A body already gzip-compressed, announced as such (the client inflates it). */
  sendGzipped(status: number, contentType: string, compressed: Buffer): void {
    const timing = this.serverTiming();
    if (!this.claim(status)) {
      return;
    }
    this.res.writeHead(status, {
      'Content-Type': contentType,
      'Content-Encoding': 'gzip',
      'Content-Length': String(compressed.length),
      'Server-Timing': timing,
    });
    this.res.end(compressed);
  }

  spring404(path: string): void {
    this.send(404, JSON_TYPE, spring404Body(path, this.ids));
  }

  /** A `failEvery` answer. */
  failure(spec: FailEvery, path: string): void {
    this.noteFault('failEvery');
    const headers: Record<string, string> = spec.retryAfterSeconds !== undefined ? { 'Retry-After': String(spec.retryAfterSeconds) } : {};
    const body = spec.body ?? (spec.status === 417 ? 'html' : 'errors');
    switch (body) {
      case 'html':
        this.send(spec.status, 'text/html; charset=utf-8', wafRejectedHtml(this.supportId()), headers);
        return;
      case 'spring404':
        this.send(spec.status, JSON_TYPE, spring404Body(path, this.ids), headers);
        return;
      case 'text':
        this.send(spec.status, 'text/plain; charset=utf-8', plainTextBody(spec.status), headers);
        return;
      case 'errors':
        this.errors(spec.status, [spec.detail ?? `simulated failure (status ${spec.status})`], headers, undefined, spec.detail);
        return;
      case 'errorsDetailString':
        this.errors(spec.status, spec.detail ?? `simulated failure (status ${spec.status}): the detail is one string here, not an array`, headers, undefined, spec.detail);
        return;
    }
  }

  /** The WAF's answer to a burst: 417 with its HTML page. */
  wafRejected(): void {
    this.send(417, 'text/html; charset=utf-8', wafRejectedHtml(this.supportId()));
  }

  /** Announces the whole body, sends half of it, then destroys the socket. */
  resetMidBody(body: string): void {
    if (!this.claim(200)) {
      return;
    }
    const bytes = Buffer.from(body, 'utf8');
    this.res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': String(bytes.length) });
    this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => this.res.destroy());
  }

  /** The request will never be answered (until the socket dies). */
  leaveHanging(): void {
    this.claim(0);
  }

  /** The emulator's own time so far, as a real service reports it (e.g. `app;dur=12.3`), and in the log entry. */
  private serverTiming(): string {
    if (this.settled) {
      return '';
    }
    const now = performance.now();
    const ms = Math.round((now - this.workStarted) * 10) / 10;
    this.entry.appMs = ms;
    this.entry.answeredAt = now;
    return `app;dur=${ms}`;
  }

  private supportId(): string {
    return this.ids.requestId.replace(/\D/g, '').slice(0, 19);
  }

  private claim(status: number): boolean {
    if (this.settled) {
      return false;
    }
    this.settled = true;
    this.entry.status = status;
    this.onSettled(this.entry);
    return true;
  }
}
