// Load All sends the next page's request before the page before it is parsed (src/core/serverListing.ts,
// PageOptions.nextLimit): the real client against the emulator, and an in-memory source for the guesses that fail.
import * as assert from 'node:assert/strict';
import { loadAllPages } from '../../src/core/loadAll';
import { lastIdOfList } from '../../src/core/lastIdProbe';
import { parseServerTiming } from '../../src/core/serverTiming';
import { ServerListing, type PageSource } from '../../src/core/serverListing';
import type { PageRequest } from '../../src/core/serverModel';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import { clientFor, type TestClient } from '../support/clientFactory';
import { makeServer } from '../support/serverFixtures';

const noWait = { waitOutRejection: async () => undefined };

describe('Load All pipelining', function () {
  this.timeout(60_000);

  describe('against the emulator', () => {
    let emulator: ScpEmulator;
    let test: TestClient;
    let events: string[];
    let listing: ServerListing;

    before(async () => {
      emulator = new ScpEmulator({ serverCount: 2600, seed: 8 });
      await emulator.start();
    });
    after(() => emulator.stop());
    beforeEach(async () => {
      emulator.resetFaults();
      emulator.faults.latencyMs = 20;
      test = clientFor(emulator.url, { accessKey: DEMO_ACCESS_KEY, secretKey: DEMO_SECRET_KEY });
      events = [];
      const source: PageSource = async (page, signal, hooks) => {
        events.push(`ask ${page.marker ?? 'first'}`);
        const result = await test.client.listServers({}, page, { signal, ...hooks });
        events.push(`parsed ${result.servers[result.servers.length - 1]?.id ?? 'empty'}`);
        return result;
      };
      listing = new ServerListing(source, 50);
      await listing.loadNext();
      events = [];
      emulator.clearRequests();
    });

    it('asks for each next page before the page before it is parsed, and loads every server once', async () => {
      const changes: number[] = [];
      assert.equal(await loadAllPages(listing, { pageSize: 50, limiter: noWait, signal: new AbortController().signal, onLoaded: (n) => changes.push(n) }), 'complete');
      assert.equal(new Set(listing.servers.map((server) => server.id)).size, 2600);
      assert.equal(listing.servers.length, 2600);
      // Pages end at servers 1050, 2050, 2600; the confirming request comes back empty.
      const ends = [1049, 2049, 2599].map((index) => listing.servers[index].id);
      assert.deepEqual(events, [
        `ask ${listing.servers[49].id}`,
        `ask ${ends[0]}`,
        `parsed ${ends[0]}`,
        `ask ${ends[1]}`,
        `parsed ${ends[1]}`,
        `ask ${ends[2]}`,
        `parsed ${ends[2]}`,
        'parsed empty',
      ]);
      assert.equal(emulator.requests.filter((r) => r.path === '/v1/servers').length, 4, 'no request more than paging one by one');
      assert.equal(listing.loading, false);
    });

    it('each request reports the emulator’s own time (Server-Timing), apart from the latency', async () => {
      await listing.loadNext();
      const record = test.records[test.records.length - 1];
      const serverMs = record.serverMs ?? Number.NaN;
      assert.ok(serverMs >= 0 && serverMs < record.durationMs, `${serverMs} ms of ${record.durationMs} ms`);
      assert.equal(emulator.requests[emulator.requests.length - 1].appMs, record.serverMs);
    });

    it('a restart while the next page is on its way drops it: the new list holds only what it asked for', async () => {
      const loadAll = loadAllPages(listing, { pageSize: 50, limiter: noWait, signal: new AbortController().signal, onLoaded: () => undefined });
      while (!events.some((event) => event.startsWith('parsed'))) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      listing.restart();
      assert.equal(await loadAll, 'stale');
      assert.equal(await listing.loadNext(), 'loaded');
      assert.equal(listing.servers.length, 50);
      assert.equal(listing.loading, false);
    });

    it('Load more asks for one page at a time', async () => {
      await listing.loadNext();
      await listing.loadNext();
      assert.deepEqual(
        events.filter((event) => event.startsWith('ask')).length,
        2,
      );
      assert.equal(events[1].startsWith('parsed'), true, 'the second page is asked for after the first is parsed');
    });
  });

  describe('guesses the parsed page does not confirm', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    /** Pages of an in-memory list; `guess` says which last id the source reports before "parsing". */
    function source(guess: (page: string[]) => string | undefined) {
      const asked: PageRequest[] = [];
      const aborted: string[] = [];
      const pages: PageSource = async (page, signal, hooks) => {
        asked.push(page);
        signal.addEventListener('abort', () => aborted.push(page.marker ?? 'first'));
        await new Promise((resolve) => setTimeout(resolve, 5));
        const start = page.marker ? ids.indexOf(page.marker) + 1 : 0;
        const slice = ids.slice(start, start + page.limit);
        hooks?.onSent?.();
        const early = guess(slice);
        if (early !== undefined) {
          await hooks?.onLastId?.(early);
        }
        return { servers: slice.map((id) => makeServer(id)), nextMarker: slice.length === page.limit ? slice[slice.length - 1] : undefined };
      };
      return { pages, asked, aborted };
    }
    const nextLimit = (): number => 4;

    it('a wrong last id: the early request is dropped and the right one sent', async () => {
      const fake = source((page) => (page.length > 0 ? 'not-there' : undefined));
      const listing = new ServerListing(fake.pages, 4);
      assert.equal(await listing.loadNext({ nextLimit }), 'loaded');
      assert.deepEqual(fake.aborted, ['not-there']);
      assert.equal(await listing.loadNext({ nextLimit }), 'loaded');
      assert.deepEqual(fake.asked.map((page) => page.marker), [undefined, 'not-there', 's3', 'not-there']);
      assert.deepEqual(listing.servers.map((server) => server.id), ids.slice(0, 8));
    });

    it('a last id equal to the marker sent (a gateway that ignores markers) starts nothing early', async () => {
      const fake = source(() => 's3');
      const listing = new ServerListing(fake.pages, 4);
      await listing.loadNext({ nextLimit });
      await listing.loadNext({ nextLimit });
      assert.deepEqual(fake.asked.map((page) => page.marker), [undefined, 's3']);
      assert.equal(listing.loading, false);
    });

    it('another limit asked than the early request had: dropped, the asked one sent', async () => {
      const fake = source((page) => page[page.length - 1]);
      const listing = new ServerListing(fake.pages, 4);
      await listing.loadNext({ nextLimit });
      assert.equal(await listing.loadNext({ limit: 2 }), 'loaded');
      assert.deepEqual(fake.asked.map((page) => [page.marker, page.limit]), [[undefined, 4], ['s3', 4], ['s3', 2]]);
      assert.deepEqual(fake.aborted, ['s3']);
      assert.deepEqual(listing.servers.map((server) => server.id), ids.slice(0, 6));
    });

    it('cancelInFlight stops the early request too', async () => {
      const fake = source((page) => page[page.length - 1]);
      const listing = new ServerListing(fake.pages, 4);
      await listing.loadNext({ nextLimit });
      assert.equal(listing.loading, true, 'the next page is on its way');
      listing.cancelInFlight();
      assert.equal(listing.loading, false);
      assert.deepEqual(fake.aborted, ['s3']);
    });
  });

  describe('reading the last id from the raw bytes', () => {
    const probe = (text: string): string | undefined => lastIdOfList(Buffer.from(text, 'utf8'));

    it('finds the last element’s id past nested objects and arrays', () => {
      const body = JSON.stringify({ servers: [{ id: 'a' }, { id: 'b', server_type: { id: 'inner' }, addresses: [{ id: 'nic' }] }] });
      assert.equal(probe(body), 'b');
      assert.equal(probe(JSON.stringify({ servers: [{ id: 'a', name: '{"id":"fake"}' }] }, null, 2)), 'a');
    });

    it('decodes multi-byte UTF-8 in the id and around it', () => {
      assert.equal(probe(JSON.stringify({ servers: [{ id: 'a' }, { id: '서버-β-😀', name: '웹 {서버}', tags: ['}'] }] })), '서버-β-😀');
      assert.equal(probe(JSON.stringify({ servers: [{ id: 'é', name: '한' }] }) + '\r\n'), 'é');
    });

    it('is not fooled by braces and escaped quotes inside strings', () => {
      const body = JSON.stringify({ servers: [{ id: 'a' }, { id: 'b"}', name: 'x\\", {"id":"fake"}', note: '[{' }] });
      assert.equal(probe(body), 'b"}');
      assert.equal(probe(JSON.stringify({ servers: [{ id: 'a' }, { name: 'x", {"id":"fake","y":"', id: 'real' }] })), 'real');
    });

    it('gives no guess for an empty body or list, another shape, or a cut-off body', () => {
      assert.equal(probe(''), undefined);
      assert.equal(probe('   '), undefined);
      assert.equal(probe('}]}'), undefined);
      assert.equal(probe('{"servers":[]}'), undefined);
      assert.equal(probe('{"servers":[{"id":"a"}],"count":1}'), undefined);
      assert.equal(probe('{"servers":[{"id":"a"},{"id":"b"'), undefined);
      assert.equal(probe('<html></html>'), undefined);
      assert.equal(probe('{"servers":[{"name":"no id"}]}'), undefined);
      assert.equal(probe('{"servers":[{"id":7}]}'), undefined);
    });

    it('gives no guess when the body is cut inside a multi-byte character', () => {
      const bytes = Buffer.from(JSON.stringify({ servers: [{ id: 'a', name: '서버' }] }), 'utf8');
      const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('버', 'utf8')) + 1);
      assert.equal(lastIdOfList(cut), undefined);
      assert.equal(lastIdOfList(Buffer.concat([cut, Buffer.from('"}]}')])), 'a', 'a broken character inside a string does not hide the id');
    });

    it('reads Server-Timing durations, summed over metrics', () => {
      assert.equal(parseServerTiming('app;dur=12.5'), 12.5);
      assert.equal(parseServerTiming('db;dur=2, app;desc="list";dur=10'), 12);
      assert.equal(parseServerTiming('cache;desc=hit'), undefined);
      assert.equal(parseServerTiming(undefined), undefined);
    });
  });
});
