/**
 * What the emulator remembers about each request (`emulator.requests`). Tests print it, so it never holds
 * the Scp-Signature value, a secret key, or any other header.
 */
export interface LoggedRequest {
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** performance.now() in the emulator's process when the request arrived: its own time (`appMs`) counts from here. */
  arrivedAt: number;
  /** performance.now() when the answer was encoded and its writing began: where `appMs` ends. */
  answeredAt?: number;
  method: string;
  /** The request-target exactly as received on the request line (`req.url`), e.g. `/v1/servers?name=a+b&limit=7`. */
  rawTarget: string;
  /** The path part of the target, not decoded. */
  path: string;
  /** The query as decoded pairs, in order (Go `url.ParseQuery` rules; malformed pairs left out). */
  query: [string, string][];
  /** The Scp-Api-Version header, if any. */
  apiVersion?: string;
  /** The Scp-AccessKey header, if any (an identifier, not a secret). */
  accessKey?: string;
  /** The HTTP status answered; 0 while unanswered, and for ever when the request hangs. */
  status: number;
  /** True when the gateway check passed, signature included. */
  signatureVerified: boolean;
  /** Why the gateway rejected it (the 401 detail). */
  authFailure?: string;
  /** The request body as received (POSTs), e.g. `{"reboot_type":"HARD"}`; undefined when empty. */
  body?: string;
  /**
   * The emulator's own time on the request, in ms: from its arrival (`arrivedAt`) until the answer is encoded and about to be
   * written, minus the latency knob (routing, signature check, query, JSON serialisation and encoding). Sent as
   * `Server-Timing: app;dur=…`.
   */
  appMs?: number;
  /** The fault knobs that shaped the answer, comma-separated (e.g. `failEvery`, `oversizePage`). */
  fault?: string;
}
