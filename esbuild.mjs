// Bundles the extension into one CommonJS file for the Node extension host.
// `--production` minifies without sourcemaps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * axios' Node build carries code this extension never runs: in full, axios and its dependencies would add about 270 KB
 * to the bundle instead of about 50 KB. The transport uses the `http` adapter with maxRedirects: 0, proxy: false, no
 * `params` (the signed URL is complete), JSON bodies only, no progress callbacks or maxRate, HTTP/1.1, and endpoints
 * that must be http(s) (src/core/endpoints.ts), so:
 * - `form-data` (with mime-db, multipart bodies), `follow-redirects` (with debug) and `https-proxy-agent`, proxy-from-env
 *   and axios' shouldBypassProxy (axios' own proxying) are never reached;
 * - nor are axios' form, urlencoded and params serialisers, its data: URL readers, its progress and rate-limit
 *   streams, and its HTTP/2 session pool; axios.CancelToken and axios.HttpStatusCode are only exposed, never used;
 * - the `xhr` adapter is `false` in Node anyway, and the `fetch` adapter is only tried after `http`.
 * Each resolves to a small stand-in in src/api/bundleStubs that fails loudly, or says "unsupported", if ever reached.
 * The unit and integration tests run the real client through this bundle's code paths against the emulator.
 */
const PACKAGE_STUBS = {
  'form-data': 'formData.js',
  'follow-redirects': 'followRedirects.js',
  'https-proxy-agent': 'axiosProxying.js',
  'proxy-from-env': 'axiosProxying.js',
};
/** Files of axios/lib (relative to it) and their stand-ins. */
const AXIOS_FILE_STUBS = {
  'adapters/xhr.js': 'xhrAdapter.js',
  'adapters/fetch.js': 'fetchAdapter.js',
  'helpers/shouldBypassProxy.js': 'axiosProxying.js',
  'helpers/toFormData.js': 'axiosFormBodies.js',
  'helpers/formDataToJSON.js': 'axiosFormBodies.js',
  'helpers/toURLEncodedForm.js': 'axiosFormBodies.js',
  'helpers/AxiosURLSearchParams.js': 'axiosFormBodies.js',
  'helpers/formDataToStream.js': 'axiosFormBodies.js',
  'helpers/readBlob.js': 'axiosFormBodies.js',
  'helpers/fromDataURI.js': 'axiosDataUrls.js',
  'helpers/estimateDataURLDecodedBytes.js': 'axiosDataUrls.js',
  'helpers/AxiosTransformStream.js': 'axiosProgress.js',
  'helpers/progressEventReducer.js': 'axiosProgress.js',
  'helpers/Http2Sessions.js': 'axiosHttp2.js',
  'cancel/CancelToken.js': 'axiosCancelToken.js',
  'helpers/HttpStatusCode.js': 'axiosHttpStatusCode.js',
};
const stub = (file) => ({ path: path.join(here, 'src', 'api', 'bundleStubs', file) });
const unusedAxiosCode = {
  name: 'unused-axios-code',
  setup(build) {
    build.onResolve({ filter: /^(form-data|follow-redirects|https-proxy-agent|proxy-from-env)$/ }, (args) => stub(PACKAGE_STUBS[args.path]));
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (!/node_modules[\\/]axios[\\/]lib[\\/]/.test(args.importer)) {
        return undefined;
      }
      const target = path.relative(path.join(here, 'node_modules', 'axios', 'lib'), path.resolve(args.resolveDir, args.path));
      const file = AXIOS_FILE_STUBS[target.split(path.sep).join('/')];
      return file ? stub(file) : undefined;
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in each of ~40 files makes esbuild copy the whole API object, getter by getter,
 * once per file while the bundle loads (about 10 ms). Every file now imports one shared namespace, copied once.
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Bytes in the output per npm package (our own sources as one entry), largest first. */
function largestPackages(inputs, count = 5) {
  const bytes = new Map();
  for (const [file, input] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '(extension sources)';
    bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...bytes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, size]) => `${name} ${(size / 1024).toFixed(1)} KB`);
}

/** Prints the bundle size after every build, so a size regression shows in the build log. */
const reportSize = {
  name: 'report-size',
  setup(build) {
    build.onEnd((result) => {
      for (const message of result.errors) {
        console.error(`✘ ${message.location?.file ?? ''}:${message.location?.line ?? ''} ${message.text}`);
      }
      const outputs = result.metafile?.outputs ?? {};
      for (const [file, info] of Object.entries(outputs)) {
        if (file.endsWith('.js')) {
          console.log(`${file}: ${(info.bytes / 1024).toFixed(1)} KB (${info.bytes} bytes)${production ? ', production' : ''}`);
          console.log(`  largest inputs: ${largestPackages(info.inputs).join(', ')}`);
        }
      }
    });
  },
};

/** In watch mode, the lines the `$esbuild-watch` problem matcher of .vscode/tasks.json waits for. */
const watchMarkers = {
  name: 'watch-markers',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(() => console.log('[watch] build finished'));
  },
};

const context = await esbuild.context({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  // Node reads the bundle as UTF-8: characters such as … and → stay one character instead of a \u escape.
  charset: 'utf8',
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [unusedAxiosCode, oneVscodeNamespace, reportSize, ...(watch ? [watchMarkers] : [])],
});

if (watch) {
  await context.watch();
} else {
  await context.rebuild();
  await context.dispose();
}
