// What is inside a packaged vsix, read with yauzl, and what may and may not be there.
import * as path from 'node:path';
import * as yauzl from 'yauzl';

/** What may be in the vsix: the bundle, the manifest and its translations, icons, readme, changelog, licence. */
const ALLOWED_VSIX_ENTRIES: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z]{2,3}(-[a-z0-9]+)*)?\.json$/i,
  /^extension\/l10n\/bundle\.l10n\.[a-z]{2,3}(-[a-z0-9]+)*\.json$/i,
  /^extension\/dist\/extension\.js$/,
  /^extension\/media\/[^/]+\.(svg|png)$/i,
  /^extension\/readme(\.[a-z]{2,3}(-[a-z0-9]+)*)?\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
];

/** Entries that must never ship, with the reason printed for them. Checked before the allow-list. */
const FORBIDDEN_VSIX_ENTRIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\/)node_modules\//, 'node_modules'],
  [/\.map$/i, 'source map'],
  [/\.[cm]?tsx?$/i, 'TypeScript source'],
  [/^extension\/src\//, 'sources (src/)'],
  [/^extension\/out\//, 'compiled tests (out/)'],
  [/^extension\/(test|tests|\.vscode-test)\//, 'tests (test/)'],
  [/(^|\/)[^/]*[.-](test|spec)\.[cm]?[jt]s$/i, 'a test file'],
  [/^extension\/\.ci(\/|$)|^extension\/\.github\//, 'CI files'],
  [/^extension\/\.vscode\//, 'editor settings (.vscode/)'],
  [/^extension\/docs\//, 'developer notes (docs/)'],
  [/^extension\/contributing\.md$/i, 'the contributor guide'],
  [/^extension\/bench-results\//, 'benchmark results'],
  [/\.vsix$/i, 'a vsix inside the vsix'],
  [/^extension\/media\/screenshots\//, 'README screenshots'],
  // VS Code never reads it: English comes from the messages in the code, other languages from bundle.l10n.<language>.json.
  [/^extension\/l10n\/bundle\.l10n\.json$/i, 'the English source bundle (l10n/bundle.l10n.json)'],
];

/** The files of a vsix by their path inside it, uncompressed (a vsix of this extension is a few hundred KB). */
export async function readVsixFiles(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    const fail = (error: Error): void => {
      zip.close();
      reject(error);
    };
    zip.on('error', fail);
    zip.on('end', () => resolve(files));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        zip.readEntry(); // a directory entry (vsce writes none, other zip tools do)
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          fail(error);
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', fail);
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

interface VsixContentsVerdict {
  /** Entries that must never ship, with why. */
  readonly forbidden: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** Entries that are not forbidden but not on the allow-list either. */
  readonly notAllowed: readonly string[];
}

export function judgeVsixEntries(names: readonly string[]): VsixContentsVerdict {
  const forbidden: { name: string; reason: string }[] = [];
  const notAllowed: string[] = [];
  for (const name of names) {
    const hit = FORBIDDEN_VSIX_ENTRIES.find(([pattern]) => pattern.test(name));
    if (hit) {
      forbidden.push({ name, reason: hit[1] });
    } else if (!ALLOWED_VSIX_ENTRIES.some((pattern) => pattern.test(name))) {
      notAllowed.push(name);
    }
  }
  return { forbidden, notAllowed };
}

export interface PackedManifest {
  name?: string;
  publisher?: string;
  version?: string;
  main?: string;
}

/** Problems with what the packed manifest points at: its `main`, the media files it names, the bundle's build. */
export function manifestProblems(files: ReadonlyMap<string, Buffer>): string[] {
  const manifestFile = files.get('extension/package.json');
  if (!manifestFile) {
    return ['extension/package.json is missing'];
  }
  const text = manifestFile.toString('utf8');
  const manifest = JSON.parse(text) as PackedManifest;
  const problems: string[] = [];
  const inVsix = (relative: string): string => `extension/${path.posix.normalize(relative.replace(/^\.\//, ''))}`;
  if (!manifest.main) {
    problems.push('package.json has no "main"');
  } else {
    const mainName = [inVsix(manifest.main), `${inVsix(manifest.main)}.js`].find((name) => files.has(name));
    const main = mainName === undefined ? undefined : files.get(mainName);
    if (!main) {
      problems.push(`"main" ${manifest.main} is not in the vsix`);
    } else if (/\/\/# sourceMappingURL=/.test(main.toString('utf8'))) {
      problems.push(`${mainName} is a development build (it has a sourceMappingURL): vscode:prepublish should make the production bundle`);
    }
  }
  // Every media file the manifest names (icon, view container icons, ...) must be packed.
  for (const match of text.matchAll(/"((?:\.\/)?media\/[^"]+\.(?:svg|png))"/g)) {
    if (!files.has(inVsix(match[1]))) {
      problems.push(`package.json names ${match[1]}, which is not in the vsix`);
    }
  }
  return problems;
}
