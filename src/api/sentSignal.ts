import * as http from 'node:http';
import * as https from 'node:https';

type RequestFunction = typeof http.request;

/**
 * An axios `transport` (Node's http or https module, by the URL) that calls `onSent` once the request has left:
 * written to a connected socket, or failed. A pipelined caller waits for this before it blocks the event loop with
 * parsing, so the next page's request is really on the wire while the last one is parsed. The module's `request`
 * is looked up at call time, so VS Code's proxy support, which patches it, still applies.
 */
export function announcingTransport(url: string, onSent: () => void): { request: RequestFunction } {
  const request = ((...args: Parameters<RequestFunction>) => {
    const module = url.startsWith('https:') ? https : http;
    const req = (module.request as (...a: Parameters<RequestFunction>) => http.ClientRequest)(...args);
    req.once('finish', () => {
      const socket = req.socket;
      if (socket?.connecting) {
        socket.once('connect', onSent);
        socket.once('close', onSent);
      } else {
        onSent();
      }
    });
    req.once('error', onSent);
    req.once('close', onSent);
    return req;
  }) as RequestFunction;
  return { request };
}
