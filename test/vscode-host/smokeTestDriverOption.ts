// Preloaded (`node -r`) into code-server 4.90, whose command line has no way to pass a VS Code server option such
// as enable-smoke-test-driver (4.139 has --vscode-option): it adds that option to code-server's list of known
// options, and code-server hands every parsed option on to the VS Code server. Loaded into a process whose main
// module is code-server's out/node/entry.js (and into the child it forks with the same preload); elsewhere it does
// nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';

const cli = process.argv[1] ? path.join(path.dirname(process.argv[1]), 'cli.js') : '';
if (cli && fs.existsSync(cli)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { options } = require(cli) as { options?: Record<string, unknown> };
  if (options && !('enable-smoke-test-driver' in options)) {
    options['enable-smoke-test-driver'] = { type: 'boolean', description: 'Run extension tests (added by the SCP explorer test host).' };
  }
}
