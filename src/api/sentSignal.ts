import * as http from 'node:http';
import * as https from 'node:https';

type RequestFunction = typeof http.request;

/** A pipelined caller waits for `onSent` before it blocks the event loop with parsing, so the next request is really on the wire. */
export function announcingTransport(url: string, onSent: () => void): { request: RequestFunction } {
  const request = ((...args: Parameters<RequestFunction>) => {
    // Looked up at call time, so VS Code's proxy support, which patches `request`, still applies.
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
