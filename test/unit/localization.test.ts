// Korean and English: every string a user reads is in the bundles, the bundles are complete and current, and the
// code of src/core translates through @vscode/l10n once the extension hands it the display language's bundle.
import * as l10n from '@vscode/l10n';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copiedMessage } from '../../src/core/copyText';
import { errorFromResponse } from '../../src/core/errorResponses';
import { serverTypeChoices } from '../../src/core/filters/filterChoices';
import { describeFiltersLong, describeFiltersShort } from '../../src/core/filters/filterDescription';
import { checkIpFilter } from '../../src/core/filters/filterInput';
import { networkError } from '../../src/core/networkErrors';
import { ScpError } from '../../src/core/scpError';
import { describeServerType } from '../../src/core/serverFacts';
import { serverTooltipMarkdown } from '../../src/core/serverTooltip';
import { checkSettings } from '../../src/core/settingsValidation';
import { makeServer } from '../support/serverFixtures';

// out/test/unit → the repository root.
const root = path.resolve(__dirname, '..', '..', '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

/** A bundle entry: the message, or (for a call with a comment for translators) message and comment. */
type BundleEntry = string | { message: string; comment: string[] };
const english = readJson<Record<string, BundleEntry>>('l10n/bundle.l10n.json');
const korean = readJson<Record<string, string>>('l10n/bundle.l10n.ko.json');
const nlsEnglish = readJson<Record<string, string>>('package.nls.json');
const nlsKorean = readJson<Record<string, string>>('package.nls.ko.json');
const manifest = readJson<{ l10n?: string; contributes: Record<string, unknown> }>('package.json');

const messageOf = (entry: BundleEntry): string => (typeof entry === 'string' ? entry : entry.message);
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
const HANGUL = /[\uac00-\ud7a3]/;

/** Entries that read the same in Korean: names, ids and formats with no words to translate. */
const SAME_IN_KOREAN = new Set(['SCP Server Explorer: {0}', 'VPC ID: {0}', '{0}: {1}', 'VPC ID']);
const SAME_IN_KOREAN_MANIFEST = new Set([
  'viewsContainers.scpExplorer.title', // SCP
  'configuration.title', // SCP Server Explorer, the product's name
  'configuration.environment.enumDescriptions.e', // Enterprise, Samsung, Sovereign: SCP's names of its environments
  'configuration.environment.enumDescriptions.s',
  'configuration.environment.enumDescriptions.g',
]);

/** Names that must reach the user exactly as written, in any language: settings, ids, API tokens. */
function technicalTokens(text: string): string[] {
  return [
    ...(text.match(/scpExplorer(?:\.[A-Za-z]+)+|SCP_TF_[A-Z_]+|~\/\.scpconf|https?:\/\/(?:[\w.:/%?=&~+#@-]*[\w/])?|\b(?:ACTIVE|SHELVED|NoSuchVersion|virtualserver \d\.\d)\b|\{\d+\}/g) ?? []),
  ].sort();
}

describe('localization', () => {
  describe('code strings (l10n/bundle.l10n*.json)', () => {
    it('has a Korean translation for every string of the English bundle, and none left over', () => {
      const missing = Object.keys(english).filter((key) => typeof korean[key] !== 'string' || korean[key].trim() === '');
      assert.deepEqual(missing, [], `l10n/bundle.l10n.ko.json lacks: ${missing.join(' | ')}`);
      const stale = Object.keys(korean).filter((key) => !(key in english));
      assert.deepEqual(stale, [], `l10n/bundle.l10n.ko.json translates strings the code no longer has: ${stale.join(' | ')}`);
      assert.ok(Object.keys(english).length > 200, 'the bundle holds the extension\'s strings');
    });

    it('translates into Korean, keeping placeholders, setting names and ids', () => {
      for (const [key, entry] of Object.entries(english)) {
        const message = messageOf(entry);
        const translation = korean[key] ?? '';
        assert.deepEqual(placeholders(translation), placeholders(message), `placeholders of "${key}"`);
        assert.deepEqual(technicalTokens(translation), technicalTokens(message), `names kept as written in "${key}"`);
        if (SAME_IN_KOREAN.has(key)) {
          assert.equal(translation, message, key);
        } else if (/[a-z]{2}/i.test(message.replace(/\{\d+\}/g, ''))) {
          assert.notEqual(translation, message, `"${key}" is not translated`);
        }
      }
    });

    it('is what l10n-dev extracts from the sources now (run `npm run l10n` after changing a string)', function () {
      this.timeout(60_000);
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-explorer-l10n-'));
      try {
        const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
        execFileSync(process.execPath, [cli, 'export', '--outDir', outDir, path.join(root, 'src')], { cwd: root, stdio: 'pipe' });
        const fresh = JSON.parse(fs.readFileSync(path.join(outDir, 'bundle.l10n.json'), 'utf8')) as Record<string, BundleEntry>;
        assert.deepEqual(
          Object.keys(fresh).filter((key) => !(key in english)),
          [],
          'strings in the sources that l10n/bundle.l10n.json lacks',
        );
        assert.deepEqual(
          Object.keys(english).filter((key) => !(key in fresh)),
          [],
          'strings in l10n/bundle.l10n.json that the sources no longer have',
        );
        assert.deepEqual(english, fresh);
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    });

    it('finds every l10n.t call of the sources in the bundle: literal messages only, no template strings', () => {
      const messages = new Set(Object.values(english).map(messageOf));
      const files = (function list(dir: string): string[] {
        return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? list(full) : entry.name.endsWith('.ts') ? [full] : [];
        });
      })(path.join(root, 'src'));
      let calls = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\bl10n\.t\(\s*(?:\{\s*message:\s*)?/g)) {
          calls++;
          const rest = text.slice((match.index ?? 0) + match[0].length);
          const where = `${path.relative(root, file)}: ${rest.slice(0, 60)}`;
          const literal = /^(['"])((?:\\.|(?!\1)[^\\])*)\1/.exec(rest);
          assert.ok(literal, `l10n.t needs a literal string as its message (l10n-dev cannot extract anything else): ${where}`);
          const message = literal[2].replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
          assert.ok(messages.has(message), `not in l10n/bundle.l10n.json (does the file import vscode or @vscode/l10n as a namespace?): ${where}`);
        }
      }
      assert.ok(calls >= Object.keys(english).length, `${calls} calls for ${Object.keys(english).length} strings`);
    });
  });

  describe('manifest strings (package.nls*.json)', () => {
    /** Every string of the manifest a user reads, with where it is. */
    function userVisible(): { where: string; value: string }[] {
      const found: { where: string; value: string }[] = [];
      const add = (where: string, value: unknown): void => {
        if (typeof value === 'string') {
          found.push({ where, value });
        }
      };
      const c = manifest.contributes as {
        viewsContainers: Record<string, { id: string; title: string }[]>;
        views: Record<string, { id: string; name: string }[]>;
        commands: { command: string; title: string }[];
        submenus: { id: string; label: string }[];
        configuration: { title: string; properties: Record<string, Record<string, unknown>> };
        viewsWelcome: { when: string; contents: string }[];
      };
      Object.values(c.viewsContainers).flat().forEach((container) => add(`viewsContainers ${container.id}`, container.title));
      Object.values(c.views).flat().forEach((view) => add(`views ${view.id}`, view.name));
      c.commands.forEach((command) => add(`command ${command.command}`, command.title));
      c.submenus.forEach((submenu) => add(`submenu ${submenu.id}`, submenu.label));
      add('configuration title', c.configuration.title);
      for (const [key, property] of Object.entries(c.configuration.properties)) {
        for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
          add(`${key} ${field}`, property[field]);
        }
        ((property.enumDescriptions as unknown[] | undefined) ?? []).forEach((text, index) => add(`${key} enumDescriptions[${index}]`, text));
      }
      c.viewsWelcome.forEach((welcome) => add(`viewsWelcome ${welcome.when}`, welcome.contents));
      return found;
    }

    it('declares the l10n folder', () => {
      assert.equal(manifest.l10n, './l10n');
    });

    it('writes every title, label, description and welcome text as a %key% of package.nls.json and package.nls.ko.json', () => {
      const strings = userVisible();
      assert.ok(strings.length > 40, 'the walk found the manifest strings');
      for (const { where, value } of strings) {
        const key = /^%([^%]+)%$/.exec(value)?.[1];
        assert.ok(key, `${where} is not localized: "${value}"`);
        assert.ok(typeof nlsEnglish[key] === 'string' && nlsEnglish[key] !== '', `package.nls.json lacks ${key} (${where})`);
        assert.ok(typeof nlsKorean[key] === 'string' && nlsKorean[key] !== '', `package.nls.ko.json lacks ${key} (${where})`);
      }
    });

    it('has no %key% anywhere in package.json without an entry in both files, and no unused entries', () => {
      const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
      for (const key of used) {
        assert.ok(key in nlsEnglish, `package.nls.json lacks ${key}`);
        assert.ok(key in nlsKorean, `package.nls.ko.json lacks ${key}`);
      }
      assert.deepEqual(Object.keys(nlsEnglish).filter((key) => !used.has(key)), [], 'package.nls.json entries nothing uses');
      assert.deepEqual(Object.keys(nlsKorean).sort(), Object.keys(nlsEnglish).sort(), 'package.nls.ko.json has the keys of package.nls.json');
    });

    it('translates the manifest into Korean, keeping command links, code spans and names', () => {
      for (const [key, text] of Object.entries(nlsEnglish)) {
        const translation = nlsKorean[key];
        if (SAME_IN_KOREAN_MANIFEST.has(key)) {
          assert.equal(translation, text, key);
          continue;
        }
        assert.match(translation, HANGUL, `${key} is not Korean: "${translation}"`);
        const links = (value: string): string[] => [...value.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]);
        assert.deepEqual(links(translation), links(text), `command links of ${key}`);
        const codeSpans = (value: string): string[] => (value.match(/`[^`]+`/g) ?? []).sort();
        assert.deepEqual(codeSpans(translation), codeSpans(text), `code spans of ${key}`);
        assert.deepEqual(technicalTokens(translation), technicalTokens(text), `names kept as written in ${key}`);
      }
    });
  });

  describe('src/core with the Korean bundle', () => {
    // What activate() does with vscode.l10n.bundle when VS Code runs in Korean.
    before(() => l10n.config({ contents: korean }));
    after(() => l10n.config({ contents: {} }));

    it('says errors in Korean, with SCP\'s own words and the ids as they are', () => {
      assert.equal(
        networkError('127.0.0.1:8787', 'ECONNREFUSED').message,
        'SCP(127.0.0.1:8787)에 연결할 수 없습니다: 연결이 거부됨. 네트워크 연결과 프록시(http.proxy), 엔드포인트 설정을 확인하세요.',
      );
      const body = JSON.stringify({ errors: [{ code: 'Unauthorized', title: 'Unauthorized', detail: 'signature mismatch' }] });
      const error = errorFromResponse(401, body, 'application/json', { what: 'GET /v1/servers', apiVersion: 'virtualserver 1.1' });
      assert.equal(
        error.message,
        'SCP가 인증키 또는 서명을 받아들이지 않았습니다(401: signature mismatch). 해결하려면 인증키(Access Key)와 Secret Key가 맞는지(만료되었거나 삭제되었을 수 있습니다), 이 컴퓨터의 시계가 정확한지 확인하세요.',
      );
      assert.equal(error.withRetries(3).message, `${error.message} (3회 재시도 후 중단)`);
      assert.match((checkIpFilter('10.10.0.0/12') as { error: string }).error, /^\/12은\(는\) 점 단위로 끝나지 않으며/);
      assert.deepEqual(checkSettings({ pageSize: 5000 }).problems, [
        'scpExplorer.pageSize 설정은 1~1000 사이의 정수여야 합니다(현재 값: 5000). 1000 값을 사용합니다.',
      ]);
    });

    it('describes filters, servers and copies in Korean', () => {
      const filters = { state: 'ACTIVE', vpc_id: 'vpc-1', sort: 'name:asc' };
      const names = new Map([['vpc-1', 'prod']]);
      assert.equal(describeFiltersShort(filters, names), '상태: ACTIVE · VPC: prod · 정렬: name ↑');
      assert.equal(describeFiltersLong(filters, names), '필터 적용 – 상태: ACTIVE · VPC: prod (vpc-1). 정렬 기준 – name ↑.');
      const server = makeServer('t', { server_type: { id: 's1v2m4', name: 's1v2m4', vcpus: 2, ram: 4096, disk: 100 } });
      assert.equal(describeServerType(server), 's1v2m4 · vCPU 2개 · 메모리 4GB · 디스크 100GB');
      assert.equal(serverTypeChoices([server])[0].description, 'vCPU 2개 · 메모리 4GB · 디스크 100GB · 1대 불러옴');
      const tooltip = serverTooltipMarkdown(server);
      assert.match(tooltip, /\| 상태 \| ACTIVE \|/);
      assert.match(tooltip, /\| IP \| 없음 \|/);
      assert.equal(copiedMessage('IP 주소', { text: '', copied: 2, skipped: 1 }), '서버 2대의 IP 주소 복사됨(값이 없는 서버 1대 제외)');
    });

    it('goes back to English without a bundle (VS Code in English)', () => {
      l10n.config({ contents: {} });
      try {
        assert.equal(new ScpError('network', 'x').withRetries(1).message, 'x (gave up after 1 retry)');
        assert.equal(describeFiltersShort({ state: 'ACTIVE' }, new Map()), 'state: ACTIVE');
      } finally {
        l10n.config({ contents: korean });
      }
    });
  });
});
