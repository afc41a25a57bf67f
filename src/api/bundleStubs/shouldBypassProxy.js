// Stand-in for axios' shouldBypassProxy, swapped in by esbuild.mjs: only consulted for axios' own proxying, which the
// transport turns off (proxy: false; VS Code's http.proxy support applies instead).
'use strict';
function shouldBypassProxy() {
  throw new Error('axios proxying is disabled in SCP Server Explorer; VS Code applies http.proxy');
}
module.exports = shouldBypassProxy;
module.exports.default = shouldBypassProxy;
