/**
 * A local emulator of the Samsung Cloud Platform OpenAPI for the server explorer (spec: docs/scp-api-facts.md):
 * a real HTTP server on 127.0.0.1 that checks request signatures like the gateway, serves `GET /v1/servers`,
 * `GET /v1/servers/{id}` and `GET /v1/vpcs` from a seeded dataset, carries out the server actions
 * (`POST /v1/servers/{id}/start|stop|reboot|lock|unlock`, see serverActions.ts), logs every request, and misbehaves
 * on demand.
 *
 *     const emulator = new ScpEmulator();
 *     const url = await emulator.start();   // http://127.0.0.1:PORT
 *     ...sign with DEMO_ACCESS_KEY / DEMO_SECRET_KEY...
 *     await emulator.stop();
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Server, Vpc } from '../../src/core/serverModel';
import { generateDataset } from './dataset';
import { gzipBomb, notJsonHtml } from './errorBodies';
import { BurstWindow, FailEveryCounter, healthyFaults, type FaultKnobs, type FaultPath } from './faults';
import { verifyGateway, type Credential } from './gatewayAuth';
import { parseGoQuery, type ParsedQuery } from './goQuery';
import type { LoggedRequest } from './loggedRequest';
import { Reply } from './reply';
import { ACTION_PATH, ServerActions, type ActionOptions, type ServerActionName } from './serverActions';
import { ListingCache, parseServerListQuery } from './serverQuery';
import { ServerReads } from './serverReads';
import { orderVpcs, parseVpcListQuery } from './vpcQuery';

export type { LoggedRequest } from './loggedRequest';
export type { BurstLimit, FailEvery, FaultBody, FaultKnobs, FaultPath } from './faults';
export type { Credential } from './gatewayAuth';
export type { ActionFault, ServerActionName } from './serverActions';

/** The demo credential pair (accepted by default). Not a real SCP key. */
export const DEMO_ACCESS_KEY = 'SCPEMU0DEMO0ACCESS0KEY00001';
export const DEMO_SECRET_KEY = 'scp-emulator-demo-secret-not-a-real-key';

export const SERVER_API_VERSIONS: readonly string[] = ['virtualserver 1.1', 'virtualserver 1.2', 'virtualserver 1.3'];
/** What today's service says of each version (docs/scp-api-facts.md, API versions); the catalog lists the ones served. */
const VERSION_CATALOG: Record<string, { status: string; not_before: string | null }> = {
  'virtualserver 1.1': { status: 'DEPRECATED', not_before: '2026-05-31' },
  'virtualserver 1.2': { status: 'SUPPORTED', not_before: '2026-08-31' },
  'virtualserver 1.3': { status: 'CURRENT', not_before: null },
};
const VPC_API_VERSIONS: readonly string[] = ['vpc 1.1'];

export interface ScpEmulatorOptions {
  /** 0 (default) = a free port chosen by the system. */
  port?: number;
  /** Default 300. */
  serverCount?: number;
  /** Seed of the generated servers; default 1. */
  seed?: number;
  /** Accepted keys; default: the demo pair only. Replaces the demo pair when given. */
  credentials?: Credential[];
  /** How a failed gateway check is answered: 401 errors[] (default) or the Spring-style 404 seen in the wild. */
  authFailure?: 'errors401' | 'spring404';
  /** Called once per request when it is settled (answered, reset, or left hanging). */
  onRequest?: (entry: LoggedRequest) => void;
  /** The request log keeps the newest this many entries; default 10,000. */
  maxLoggedRequests?: number;
  /** The `virtualserver` versions served (default all of SERVER_API_VERSIONS); others get 406 NoSuchVersion. */
  serverApiVersions?: readonly string[];
  /** How long stop/start/reboot take (`actions.delayMs`); default 2000 ms. */
  actionDelayMs?: ActionOptions['delayMs'];
}

/** Request bodies larger than this are refused (413): no action body comes near it. */
const MAX_BODY_BYTES = 64 * 1024;

const SERVER_DETAIL_PATH = /^\/v1\/servers\/([^/]+)$/;

export class ScpEmulator {
  /** The dataset. Tests may mutate these arrays or assign new ones. */
  servers: Server[];
  vpcs: Vpc[];
  /** Accepted credentials; tests may add entries. */
  credentials: Credential[];
  authFailure: 'errors401' | 'spring404';
  /** The `virtualserver` versions served and listed in the catalog (`GET /`); tests may change it. */
  serverApiVersions: readonly string[];
  /** Fault knobs: see faults.ts. */
  faults: FaultKnobs = healthyFaults();
  /** Every request, oldest first; see LoggedRequest. */
  readonly requests: LoggedRequest[] = [];
  /** The server actions' state machine: `actions.delayMs`, `actions.faults.stop = { status: 403 }`, … */
  readonly actions: ServerActions;
  /** Interfaces (public IPs), console logs and images: see serverReads.ts. */
  readonly reads: ServerReads;

  private readonly port: number;
  private readonly onRequest?: (entry: LoggedRequest) => void;
  private readonly maxLoggedRequests: number;
  private httpServer?: http.Server;
  private baseUrl?: string;
  private readonly sockets = new Set<Socket>();
  private readonly pendingWaits = new Map<NodeJS.Timeout, () => void>();
  private readonly failCounter = new FailEveryCounter();
  private readonly listings = new ListingCache();
  private readonly burstWindow = new BurstWindow();

  constructor(options: ScpEmulatorOptions = {}) {
    const dataset = generateDataset({ serverCount: options.serverCount, seed: options.seed });
    this.servers = dataset.servers;
    this.vpcs = dataset.vpcs;
    this.reads = new ServerReads(options.seed ?? 1);
    this.credentials = options.credentials ?? [{ accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY }];
    this.authFailure = options.authFailure ?? 'errors401';
    this.port = options.port ?? 0;
    this.onRequest = options.onRequest;
    this.maxLoggedRequests = options.maxLoggedRequests ?? 10000;
    this.serverApiVersions = options.serverApiVersions ?? SERVER_API_VERSIONS;
    this.actions = new ServerActions({ delayMs: options.actionDelayMs });
  }

  /** The base URL (`http://127.0.0.1:PORT`, no trailing slash); throws when not running. */
  get url(): string {
    if (this.baseUrl === undefined) {
      throw new Error('ScpEmulator is not running: await start() first');
    }
    return this.baseUrl;
  }

  /** Starts listening on 127.0.0.1; resolves to the base URL. Rejects (e.g. EADDRINUSE) without side effects. */
  async start(): Promise<string> {
    if (this.httpServer) {
      throw new Error('ScpEmulator is already running');
    }
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
        }
        res.end(`emulator bug: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.httpServer = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** Stops listening and destroys every open socket, hanging and delayed requests included. */
  async stop(): Promise<void> {
    const server = this.httpServer;
    if (!server) {
      return;
    }
    this.httpServer = undefined;
    this.baseUrl = undefined;
    for (const [timer, cancel] of this.pendingWaits) {
      clearTimeout(timer);
      cancel();
    }
    this.pendingWaits.clear();
    this.actions.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    for (const socket of this.sockets) {
      socket.destroy();
    }
    this.sockets.clear();
    await closed;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Back to a healthy service (all knobs off, failEvery counting restarted). */
  resetFaults(): void {
    this.faults = healthyFaults();
    this.failCounter.reset();
    this.burstWindow.reset();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const arrivedAt = performance.now();
    const rawTarget = req.url ?? '';
    const { path, rawQuery } = splitTarget(rawTarget);
    const query = parseGoQuery(rawQuery);
    const entry: LoggedRequest = {
      receivedAt,
      arrivedAt,
      method: req.method ?? '',
      rawTarget,
      path,
      query: query.pairs,
      apiVersion: singleHeader(req, 'scp-api-version'),
      accessKey: singleHeader(req, 'scp-accesskey'),
      status: 0,
      signatureVerified: false,
    };
    this.record(entry);
    const body = await readBody(req);
    if (body !== undefined && body.length > 0) {
      entry.body = body;
    }
    const reply = new Reply(res, entry, { requestId: randomUUID(), globalRequestId: randomUUID() }, (settled) => this.onRequest?.(settled));

    if (this.faults.latencyMs > 0 && !(await this.wait(this.faults.latencyMs))) {
      return; // stopped meanwhile
    }
    reply.excludeLatency(this.faults.latencyMs);
    if (this.faults.hang) {
      reply.noteFault('hang');
      reply.leaveHanging();
      return;
    }
    // The WAF sits in front of everything, the unauthenticated catalog included.
    if (this.burstWindow.rejects(this.faults.burstLimit, receivedAt)) {
      reply.noteFault('burstLimit');
      reply.wafRejected();
      return;
    }
    if (path === '/' && entry.method === 'GET') {
      this.versionCatalog(reply);
      return;
    }
    const verdict = verifyGateway({ method: entry.method, rawTarget, headers: req.headers }, this.credentials, receivedAt);
    entry.signatureVerified = verdict.ok;
    if (!verdict.ok) {
      entry.authFailure = verdict.reason;
      if (this.authFailure === 'spring404') {
        reply.spring404(path);
      } else {
        reply.errors(401, [verdict.reason]);
      }
      return;
    }
    if (verdict.credential.forbidden === 'all') {
      reply.errors(403, ['the access key has no permission for this API']);
      return;
    }
    const failure = this.failCounter.next(this.faults.failEvery, path);
    if (failure) {
      reply.failure(failure, path);
      return;
    }

    if (body === undefined) {
      reply.errors(413, [`the request body is larger than ${MAX_BODY_BYTES} bytes`]);
      return;
    }
    const action = ACTION_PATH.exec(path);
    if (action) {
      if (entry.method !== 'POST') {
        reply.errors(405, [`${entry.method} is not allowed on ${path}; use POST`], { Allow: 'POST' });
      } else if (this.checkVersion(reply, SERVER_API_VERSIONS)) {
        this.serverAction(action[1], action[2] as ServerActionName, body, reply);
      }
      return;
    }
    if (this.reads.handles(path)) {
      if (entry.method !== 'GET') {
        reply.errors(405, [`${entry.method} is not allowed on ${path}; use GET`], { Allow: 'GET' });
      } else if (this.checkVersion(reply, SERVER_API_VERSIONS)) {
        this.reads.answer(path, query, this.servers, reply);
      }
      return;
    }
    const detail = SERVER_DETAIL_PATH.exec(path);
    if (path !== '/v1/servers' && path !== '/v1/vpcs' && !detail) {
      reply.spring404(path);
      return;
    }
    if (entry.method !== 'GET') {
      reply.errors(405, [`${entry.method} is not allowed on ${path}; use GET`], { Allow: 'GET' });
      return;
    }
    if (path === '/v1/vpcs') {
      if (verdict.credential.forbidden === 'vpcs') {
        reply.errors(403, ['the access key lacks the permission vpc:ListVpcs']);
        return;
      }
      if (this.checkVersion(reply, VPC_API_VERSIONS)) {
        this.listVpcs(query, reply);
      }
      return;
    }
    if (!this.checkVersion(reply, this.serverApiVersions)) {
      return;
    }
    if (detail) {
      this.showServer(detail[1], reply);
    } else {
      this.listServers(query, reply);
    }
  }

  /** False (and a 406 sent) when Scp-Api-Version is not one of `supported`. */
  private checkVersion(reply: Reply, supported: readonly string[]): boolean {
    const version = reply.entry.apiVersion;
    if (version !== undefined && supported.includes(version)) {
      return true;
    }
    const got = version === undefined ? 'no Scp-Api-Version header' : `Scp-Api-Version ${JSON.stringify(version)}`;
    reply.errors(406, [`${got}: this API supports ${supported.join(', ')}`]);
    return false;
  }

  /** `GET /`: the versions served, without authentication (docs/scp-api-facts.md, API versions). */
  private versionCatalog(reply: Reply): void {
    if (this.faults.catalogUnavailable) {
      reply.noteFault('catalogUnavailable');
      reply.spring404('/');
      return;
    }
    const versions = this.serverApiVersions.map((version) => {
      const id = `v${version.replace(/^virtualserver /, '')}`;
      const known = VERSION_CATALOG[version] ?? { status: 'SUPPORTED', not_before: null };
      return { id, links: [{ href: `${this.url}/${id}`, rel: 'self' }], ...known };
    });
    reply.json(200, { versions });
  }

  private listServers(query: ParsedQuery, reply: Reply): void {
    const parsed = query.error !== undefined ? { ok: false as const, problems: [`malformed query string: ${query.error}`] } : parseServerListQuery(query.pairs);
    if (!parsed.ok) {
      reply.errors(400, parsed.problems);
      return;
    }
    const request = parsed.query;
    const faulty = this.faultsApplyTo('/v1/servers');
    const marker = this.markerToUse(request.marker, faulty, reply);
    const listing = this.listings.get(this.servers, request, marker !== undefined);
    let first = 0;
    if (marker !== undefined) {
      const position = listing.positionOf.get(marker);
      if (position === undefined) {
        reply.errors(400, [`marker ${JSON.stringify(marker)} is not the id of a server in this listing (same filters and sort)`]);
        return;
      }
      first = position + 1;
    }
    const page = listing.servers.slice(first, first + this.pageSize(request.limit, faulty, reply));
    this.sendList(reply, 'servers', page, {}, faulty);
  }

  private findServer(rawId: string): { id: string; server?: Server } {
    let id = rawId;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      // not percent-encoded text: look it up as it is
    }
    return { id, server: this.servers.find((candidate) => candidate.id === id) };
  }

  private serverAction(rawId: string, action: ServerActionName, body: string, reply: Reply): void {
    const { id, server } = this.findServer(rawId);
    if (!server) {
      reply.errors(404, [`server ${JSON.stringify(id)} not found`]);
      return;
    }
    const verdict = this.actions.perform(server, action, body);
    if (verdict.status === 202) {
      reply.send(202, 'application/json', '');
    } else if ('detail' in verdict) {
      reply.errors(verdict.status, verdict.detail);
    }
  }

  private showServer(rawId: string, reply: Reply): void {
    const { id, server } = this.findServer(rawId);
    if (server) {
      reply.json(200, server);
    } else {
      reply.errors(404, [`server ${JSON.stringify(id)} not found`]);
    }
  }

  private listVpcs(query: ParsedQuery, reply: Reply): void {
    const parsed = query.error !== undefined ? { ok: false as const, problems: [`malformed query string: ${query.error}`] } : parseVpcListQuery(query.pairs);
    if (!parsed.ok) {
      reply.errors(400, parsed.problems);
      return;
    }
    const request = parsed.query;
    const faulty = this.faultsApplyTo('/v1/vpcs');
    const listing = orderVpcs(this.vpcs, request.name);
    const marker = this.markerToUse(request.marker, faulty, reply);
    const position = marker === undefined ? -1 : listing.findIndex((vpc) => vpc.id === marker);
    if (marker !== undefined && position < 0) {
      reply.errors(400, [`marker ${JSON.stringify(marker)} is not the id of a VPC in this listing`]);
      return;
    }
    const page = listing.slice(position + 1, position + 1 + this.pageSize(request.limit, faulty, reply));
    this.sendList(reply, 'vpcs', page, request.withCount ? { count: listing.length } : {}, faulty);
  }

  private faultsApplyTo(path: FaultPath): boolean {
    return this.faults.bodyFaultPath === path;
  }

  private markerToUse(marker: string | undefined, faulty: boolean, reply: Reply): string | undefined {
    if (faulty && this.faults.loopingMarker && marker !== undefined) {
      reply.noteFault('loopingMarker');
      return undefined;
    }
    return marker;
  }

  private pageSize(limit: number, faulty: boolean, reply: Reply): number {
    if (faulty && this.faults.oversizePage) {
      reply.noteFault('oversizePage');
      return limit + 5;
    }
    const cap = this.faults.limitCap;
    if (cap !== null && limit > cap) {
      reply.noteFault('limitCap');
      return cap;
    }
    return limit;
  }

  private sendList(reply: Reply, key: 'servers' | 'vpcs', items: unknown[], extra: Record<string, unknown>, faulty: boolean): void {
    let content: Record<string, unknown> = { ...extra, [key]: items };
    if (faulty && this.faults.missingServersKey) {
      reply.noteFault('missingServersKey');
      content = {};
    }
    const body = JSON.stringify(content);
    if (faulty && this.faults.resetMidBody) {
      reply.noteFault('resetMidBody');
      reply.resetMidBody(body);
    } else if (faulty && this.faults.notJson) {
      reply.noteFault('notJson');
      reply.send(200, 'text/html; charset=utf-8', notJsonHtml());
    } else if (faulty && this.faults.gzipBomb) {
      reply.noteFault('gzipBomb');
      reply.sendGzipped(200, 'application/json', gzipBomb());
    } else if (faulty && this.faults.malformedJson) {
      reply.noteFault('malformedJson');
      reply.send(200, 'application/json', body.slice(0, Math.floor(body.length / 2)));
    } else {
      reply.send(200, 'application/json', body);
    }
  }

  private record(entry: LoggedRequest): void {
    this.requests.push(entry);
    if (this.requests.length > this.maxLoggedRequests) {
      this.requests.splice(0, this.requests.length - this.maxLoggedRequests);
    }
  }

  /** Resolves true after `ms`, or false at once if the emulator stops first. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingWaits.delete(timer);
        resolve(true);
      }, ms);
      this.pendingWaits.set(timer, () => resolve(false));
    });
  }
}

/** Splits a request-target into its (undecoded) path and raw query; handles the absolute form a proxy gets. */
function splitTarget(rawTarget: string): { path: string; rawQuery: string } {
  const withoutOrigin = rawTarget.replace(/^https?:\/\/[^/?#]*/i, '');
  const noFragment = withoutOrigin.split('#')[0];
  const question = noFragment.indexOf('?');
  return question < 0 ? { path: noFragment || '/', rawQuery: '' } : { path: noFragment.slice(0, question) || '/', rawQuery: noFragment.slice(question + 1) };
}

/** The whole request body as text; undefined when it is larger than MAX_BODY_BYTES (the rest is drained). */
async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk as Buffer);
    }
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function singleHeader(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
