// Where the access key comes from, in the real extension host: SecretStorage first, then the SCP_TF_* environment
// variables, then ~/.scpconf. The extension host is this process, so the test points HOME and the variables at
// scratch values for a moment (os.homedir() reads HOME on every call) and puts them back afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY } from '../emulator/scpEmulator';
import { rows, startConnectedEmulator, waitFor, type ConnectedEmulator } from './support/explorerHarness';

const VARIABLES = ['HOME', 'SCP_TF_ACCESS_KEY', 'SCP_TF_SECRET_KEY'] as const;

describe('access key sources (against the emulator)', function () {
  this.timeout(60_000);
  let connected: ConnectedEmulator;
  let home: string;
  const saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};

  /** Reconnects (as a key change does) and answers where the key came from, as the view shows it. */
  async function sourceShown(): Promise<string> {
    connected.api.model.reconnect();
    await connected.api.tree.getChildren();
    return String(connected.api.view.description ?? '');
  }

  function writeScpConfig(credentials: string): void {
    fs.mkdirSync(path.join(home, '.scpconf'), { recursive: true });
    fs.writeFileSync(path.join(home, '.scpconf', 'credentials.json'), credentials);
  }

  before(async () => {
    connected = await startConnectedEmulator({ serverCount: 30, seed: 2 }, { pageSize: 100 });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-home-'));
    for (const name of VARIABLES) {
      saved[name] = process.env[name];
    }
    process.env.HOME = home;
    delete process.env.SCP_TF_ACCESS_KEY;
    delete process.env.SCP_TF_SECRET_KEY;
  });

  after(async () => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) {
        Reflect.deleteProperty(process.env, name);
      } else {
        process.env[name] = saved[name];
      }
    }
    fs.rmSync(home, { recursive: true, force: true });
    await connected.disconnect();
  });

  it('uses SecretStorage first, then the environment, then ~/.scpconf, else signs out', async () => {
    const { api } = connected;
    writeScpConfig(JSON.stringify({ 'access-key': DEMO_ACCESS_KEY, 'secret-key': DEMO_SECRET_KEY }));
    process.env.SCP_TF_ACCESS_KEY = DEMO_ACCESS_KEY;
    process.env.SCP_TF_SECRET_KEY = DEMO_SECRET_KEY;
    assert.match(await sourceShown(), /VS Code$/, 'the stored key wins');

    await api.credentials.clear();
    assert.match(await sourceShown(), /env$/, 'then the SCP_TF_* variables');
    assert.ok(api.model.servers.length > 0, 'and that key works');

    delete process.env.SCP_TF_ACCESS_KEY;
    delete process.env.SCP_TF_SECRET_KEY;
    assert.match(await sourceShown(), /~\/\.scpconf$/, 'then the files of the SCP tools');
    assert.ok(api.model.servers.length > 0);

    fs.rmSync(path.join(home, '.scpconf'), { recursive: true });
    await sourceShown();
    assert.equal(api.model.viewState, 'signedOut');
    assert.deepEqual(await rows(api), []);
  });

  it('a malformed ~/.scpconf is passed over with a log line, not a crash', async () => {
    const { api } = connected;
    await api.credentials.clear();
    writeScpConfig('{"access-key": ');
    await sourceShown();
    assert.equal(api.model.viewState, 'signedOut');
    const logFile = path.join(api.logUri.fsPath, 'SCP Server Explorer.log');
    await waitFor(() => fs.existsSync(logFile) && fs.readFileSync(logFile, 'utf8').includes('credentials.json is not valid JSON'), 'the log line');
  });
});
