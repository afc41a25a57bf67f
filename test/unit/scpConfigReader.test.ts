// Reading ~/.scpconf from disk: real files in a scratch folder, including a FIFO and an oversized file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseScpConfig } from '../../src/core/scpConfigFiles';
import { readScpConfigFiles } from '../../src/credentials/scpConfigReader';

const MAX_SCP_CONFIG_BYTES = 64 * 1024;

const SECRET = 'SECRET-abcdefghij-0123456789';

describe('~/.scpconf on disk', () => {
  let directory: string;
  const write = (name: string, text: string | Buffer): void => fs.writeFileSync(path.join(directory, name), text);

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-scpconf-'));
  });
  afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('a malformed credentials.json is named, and none of its text is quoted', async () => {
    // JSON.parse's message for this text quotes the characters around the mistake: part of the secret.
    write('credentials.json', `{"access-key": "AK", "secret-key": ${SECRET}}`);
    const read = await readScpConfigFiles(directory);
    assert.ok(!read.ok);
    assert.match(read.error, /credentials\.json is not valid JSON/);
    for (const part of [SECRET.slice(0, 6), SECRET.slice(6, 12), 'ret-key', 'access-key']) {
      assert.ok(!read.error.includes(part), `"${part}" quoted in: ${read.error}`);
    }
  });

  it('reads a file saved with a UTF-8 byte order mark', async () => {
    write('credentials.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ 'access-key': 'AK', 'secret-key': SECRET }))]));
    const read = await readScpConfigFiles(directory);
    assert.ok(read.ok, read.ok ? '' : read.error);
    assert.equal(read.value.accessKey, 'AK');
    assert.equal(read.value.secretKey, SECRET);
  });

  it('refuses a file larger than 64 KiB, even one that is valid JSON', async () => {
    const padded = `{"access-key": "AK", "secret-key": "${SECRET}"}`.padEnd(MAX_SCP_CONFIG_BYTES + 10, ' ');
    write('credentials.json', padded);
    const read = await readScpConfigFiles(directory);
    assert.ok(!read.ok);
    assert.match(read.error, /credentials\.json is larger than 64 KiB/);
  });

  it('a FIFO in place of credentials.json is refused at once instead of waiting for a writer', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    execFileSync('mkfifo', [path.join(directory, 'credentials.json')]);
    // Without the check this read would wait for a writer for ever, and mocha's timeout would fail the test.
    const read = await readScpConfigFiles(directory);
    assert.ok(!read.ok);
    assert.match(read.error, /credentials\.json is not a regular file/);
  });

  it('parses the two files separately: a broken config.json leaves the keys usable and is named', async () => {
    write('credentials.json', JSON.stringify({ 'access-key': 'AK', 'secret-key': SECRET }));
    write('config.json', '{"default-region": ');
    const read = await readScpConfigFiles(directory);
    assert.ok(read.ok, read.ok ? '' : read.error);
    assert.equal(read.value.accessKey, 'AK');
    assert.equal(read.value.region, undefined);
    assert.equal(read.value.problems.length, 1);
    assert.match(read.value.problems[0], /config\.json is not valid JSON/);
  });

  it('missing files are an empty result with no problem', async () => {
    assert.deepEqual(await readScpConfigFiles(directory), { ok: true, value: { problems: [] } });
  });

  it('the pure parser also strips the byte order mark', () => {
    const read = parseScpConfig('\ufeff{"default-region": "kr-east1"}', undefined);
    assert.ok(read.ok && read.value.region === 'kr-east1');
  });
});
