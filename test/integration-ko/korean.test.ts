// The extension in a real VS Code whose display language is Korean (runIntegrationTests' second run: the headless
// host gets SCP_EXPLORER_DISPLAY_LANGUAGE=ko, a desktop VS Code `--locale ko`), against the SCP emulator.
//
// What is observed, from inside the extension host:
//   - vscode.env.language is `ko` and VS Code loaded the extension's l10n/bundle.l10n.ko.json (vscode.l10n.uri);
//   - the manifest as VS Code resolved it (extension.packageJSON) has the Korean command titles, view name,
//     submenu labels, welcome texts and setting descriptions of package.nls.ko.json;
//   - the tree's rows as the view gets them (getChildren + getTreeItem, as VS Code calls them): the Load more row,
//     the "No VPC" group, counts and tooltips, a message row's headline and SCP's message (built in src/core,
//     which translates through @vscode/l10n), the view description; states and names stay as SCP sends them;
//   - the Accept-Language header that reaches SCP: the emulator's request log (test/emulator/loggedRequest.ts)
//     does not record it, so the extension talks to the emulator through a small recording proxy on 127.0.0.1
//     that forwards every request unchanged (Host included, so signatures still verify).
// What the headless host cannot show: VS Code's own UI (menus, the Settings editor, the Command Palette's
// chrome) stays English, because no Korean language pack can be installed offline; the workbench only takes the
// language for the extension's strings (test/vscode-host/workbenchBrowser.ts setDisplayLanguage). The workbench
// shows the view name, command titles and welcome texts from the same resolved manifest that is checked here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testApi';
import type { ActionCommandResult } from '../../src/commands/serverActionCommands';
import type { Confirmation } from '../../src/core/actionConfirmation';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY, ScpEmulator } from '../emulator/scpEmulator';
import {
  EXTENSION_ID,
  activateExplorer,
  connectTo,
  isLoadMoreRow,
  isMessageRow,
  isServerRow,
  rows,
  setSetting,
  waitFor,
} from '../integration/support/explorerHarness';

// out/test/integration-ko → the repository root, the extension development path.
const root = path.resolve(__dirname, '..', '..', '..');
const nlsKorean = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
const nlsEnglish = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface RecordingProxy {
  url: string;
  /** The Accept-Language header of every request, in order. */
  acceptLanguages: (string | undefined)[];
  close(): Promise<void>;
}

/** Forwards every request to `target` unchanged and remembers its Accept-Language header. */
async function startRecordingProxy(target: URL): Promise<RecordingProxy> {
  const acceptLanguages: (string | undefined)[] = [];
  const server = http.createServer((request, response) => {
    acceptLanguages.push(request.headers['accept-language']);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    acceptLanguages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const hangul = /[\uac00-\ud7a3]/;
const tooltipText = (item: vscode.TreeItem): string =>
  typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');

describe('Korean display language', function () {
  this.timeout(120_000);
  let emulator: ScpEmulator;
  let proxy: RecordingProxy;
  let api: ExplorerApi;

  before(async () => {
    emulator = new ScpEmulator({ serverCount: 300, seed: 7 });
    await emulator.start();
    proxy = await startRecordingProxy(new URL(emulator.url));
    api = await activateExplorer();
    await setSetting('pageSize', 100);
    await setSetting('groupBy', 'vpcState');
    await connectTo(api, proxy.url, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
  });

  after(async () => {
    for (const key of ['pageSize', 'groupBy', 'acceptLanguage', 'endpoint']) {
      await setSetting(key, undefined);
    }
    await api.credentials.clear();
    await proxy.close();
    await emulator.stop();
  });

  beforeEach(() => emulator.resetFaults());

  it('runs with the Korean display language and the extension\'s Korean bundle', () => {
    assert.match(vscode.env.language, /^ko\b/, `vscode.env.language is ${vscode.env.language}`);
    assert.ok(vscode.l10n.bundle, 'VS Code loaded a bundle for the extension');
    assert.match(vscode.l10n.uri?.path ?? '', /\/l10n\/bundle\.l10n\.ko\.json$/);
    assert.equal(vscode.l10n.t('Load more…'), '더 불러오기…');
  });

  it('contributes Korean command titles, view name, submenus, welcome texts and setting descriptions', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributes = (extension.packageJSON as {
      contributes: {
        commands: { command: string; title: string | { value: string; original: string } }[];
        views: Record<string, { id: string; name: string }[]>;
        submenus: { id: string; label: string }[];
        viewsWelcome: { contents: string }[];
        configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
      };
    }).contributes;
    // VS Code resolves a command title to { value: the display language's, original: package.nls.json's }.
    const titleOf = (entry: { title: string | { value: string; original: string } }): string =>
      typeof entry.title === 'string' ? entry.title : entry.title.value;
    const title = (command: string): string | undefined => {
      const entry = contributes.commands.find((candidate) => candidate.command === command);
      return entry && titleOf(entry);
    };
    assert.equal(title('scpExplorer.refresh'), '새로 고침');
    assert.equal(title('scpExplorer.loadMore'), '서버 더 불러오기');
    assert.equal(title('scpExplorer.copyIp'), 'IP 주소 복사');
    assert.equal(title('scpExplorer.setAccessKey'), '인증키 설정…');
    for (const command of contributes.commands) {
      const suffix = command.command.replace(/^scpExplorer\./, '');
      assert.equal(titleOf(command), nlsKorean[`command.${suffix}.title`], command.command);
      if (typeof command.title !== 'string') {
        assert.equal(command.title.original, nlsEnglish[`command.${suffix}.title`], `${command.command}: the English original`);
      }
    }
    assert.equal(contributes.views.scpExplorer[0].name, '가상 서버');
    assert.deepEqual(contributes.submenus.map((submenu) => submenu.label), ['묶기', '필터']);
    for (const welcome of contributes.viewsWelcome) {
      assert.match(welcome.contents, hangul, welcome.contents);
    }
    assert.match(contributes.viewsWelcome[0].contents, /\[인증키 설정\]\(command:scpExplorer\.setAccessKey\)/);
    assert.equal(contributes.configuration.properties['scpExplorer.acceptLanguage'].description, 'SCP가 보내는 메시지의 언어입니다.');
  });

  it('shows the tree in Korean: Load more row, group counts, No VPC group; states and names as SCP sends them', async () => {
    await api.model.refresh();
    let top = await rows(api);
    const loadMore = top.find(isLoadMoreRow);
    assert.ok(loadMore, 'a Load more row after a full page');
    assert.equal(loadMore.label, '더 불러오기…');
    assert.equal(loadMore.description, '100대 불러옴');
    assert.equal(tooltipText(loadMore.item), '서버 목록의 다음 페이지를 불러옵니다');
    assert.equal(loadMore.item.command?.title, '더 불러오기');

    const vpcRow = top.find((row) => row.item.contextValue === 'vpc;');
    assert.ok(vpcRow);
    assert.match(tooltipText(vpcRow.item), /\nVPC ID: [0-9a-f]+\n서버 \d+\+대 불러옴\(불러올 페이지가 더 있음\)$/);
    const states = await rows(api, vpcRow.node);
    assert.ok(states.length > 0 && states.every((row) => /^[A-Z_]+$/.test(row.label)), 'states as SCP writes them');
    const [server] = (await rows(api, states[0].node)).filter(isServerRow);
    const resolved = await (api.tree as unknown as vscode.TreeDataProvider<unknown>).resolveTreeItem?.(
      server.item,
      server.node,
      new vscode.CancellationTokenSource().token,
    );
    assert.match(tooltipText(resolved ?? server.item), new RegExp(`\\| 상태 \\| ${states[0].label} \\|`));
    assert.equal(api.view.description, `${new URL(proxy.url).host} · 인증키: VS Code`);

    while (api.model.hasMore) {
      await api.model.loadMore();
    }
    top = await rows(api);
    assert.equal(top.some(isLoadMoreRow), false);
    const last = top[top.length - 1];
    assert.equal(last.label, 'VPC 없음', 'servers without a VPC come last, in Korean');
    assert.equal(tooltipText(last.item), `VPC가 없는 서버\n서버 ${last.description}대 불러옴`);
  });

  it('says a failure in Korean: the message row\'s headline, SCP\'s message and Retry', async () => {
    await api.model.refresh();
    emulator.faults.failEvery = { n: 1, status: 401, path: '/v1/servers' };
    assert.equal(await api.model.refresh(), 'failed');
    const message = (await rows(api)).find(isMessageRow);
    assert.ok(message, 'a message row');
    assert.equal(message.label, '인증키 인증 실패');
    assert.match(message.description, /^SCP가 인증키 또는 서명을 받아들이지 않았습니다\(401: .+\)\. 해결하려면 인증키\(Access Key\)와 Secret Key가 맞는지/);
    assert.match(tooltipText(message.item), /클릭하면 다시 시도합니다\./);
    assert.equal(message.item.command?.title, '다시 시도');

    emulator.resetFaults();
    await vscode.commands.executeCommand('scpExplorer.retry');
    assert.equal((await rows(api)).some(isMessageRow), false, 'retry clears the message');
  });

  it('asks SCP for Korean answers (Accept-Language ko-KR) unless scpExplorer.acceptLanguage says otherwise', async () => {
    await api.model.refresh();
    assert.ok(proxy.acceptLanguages.length > 0, 'requests went through the recording proxy');
    assert.deepEqual([...new Set(proxy.acceptLanguages)], ['ko-KR']);

    await setSetting('acceptLanguage', 'en-US');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the settings change reconnects through its event
    const before = proxy.acceptLanguages.length;
    api.model.reconnect();
    await api.tree.getChildren();
    await waitFor(() => api.model.viewState === 'loaded', 'the list after reconnecting');
    const after = proxy.acceptLanguages.slice(before);
    assert.ok(after.length > 0);
    assert.deepEqual([...new Set(after)], ['en-US']);
    await setSetting('acceptLanguage', undefined);
  });

  it('speaks Korean when acting on a server: the confirmation, the row in progress, a refusal', async () => {
    const findRow = async (id: string, parent?: unknown): Promise<Awaited<ReturnType<typeof rows>>[number] | undefined> => {
      for (const row of await rows(api, parent)) {
        if (row.item.id === `server/${id}`) {
          return row;
        }
        if (row.item.collapsibleState !== vscode.TreeItemCollapsibleState.None && !isServerRow(row)) {
          const found = await findRow(id, row.node);
          if (found) {
            return found;
          }
        }
      }
      return undefined;
    };
    // The test before put acceptLanguage back, which reconnects: let that land, then load again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.tree.getChildren();
    await waitFor(() => api.model.viewState === 'loaded' && api.model.servers.length > 0, 'the list after reconnecting');
    const active = api.model.servers.find((server) => server.state === 'ACTIVE' && !server.locked);
    const stopped = api.model.servers.find((server) => server.state === 'SHUTOFF' && !server.locked);
    assert.ok(active && stopped, 'an ACTIVE and a SHUTOFF server loaded');
    const web01 = await findRow(active.id);
    assert.ok(web01);
    const asked: Confirmation[] = [];
    await vscode.commands.executeCommand('scpExplorer.stopServer', web01.node, undefined, {
      confirm: (question: Confirmation) => {
        asked.push(question);
        return 'stop';
      },
    });
    assert.equal(asked[0]?.message, `${active.name} 서버를 중지할까요?`);
    assert.deepEqual(asked[0].choices.map((choice) => choice.label), ['중지']);
    assert.equal((await findRow(active.id))?.description, '중지하는 중…');

    emulator.actions.faults.start = { status: 403 };
    const db = await findRow(stopped.id);
    assert.ok(db);
    const refused = await vscode.commands.executeCommand<ActionCommandResult>('scpExplorer.startServer', db.node);
    assert.equal(
      refused?.shown?.startsWith(`${stopped.name} 서버를 시작할 수 없습니다: 액세스 키에 IAM 권한 virtualserver:StartVirtualServer이(가) 없습니다.`),
      true,
      refused?.shown,
    );
    emulator.actions.faults = {};
  });
});
