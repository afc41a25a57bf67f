// Bundles the extension into one CommonJS file for the Node extension host.
// `--production` minifies without sourcemaps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * axios' Node build imports `form-data` (and through it mime-db, about half of a bare axios bundle) only to
 * send multipart bodies. This extension only sends GETs without bodies, so the import resolves to a tiny
 * stand-in that fails loudly if anything ever tries multipart.
 */
const noMultipart = {
  name: 'no-multipart',
  setup(build) {
    build.onResolve({ filter: /^form-data$/ }, () => ({ path: path.join(here, 'src', 'api', 'noFormData.js') }));
  },
};

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
        }
      }
    });
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
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [noMultipart, reportSize],
});

if (watch) {
  await context.watch();
} else {
  await context.rebuild();
  await context.dispose();
}
