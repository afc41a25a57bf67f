// Stand-in for `proxy-from-env`, swapped in by esbuild.mjs: only consulted for axios' own proxying, which the transport
// turns off (proxy: false; VS Code's http.proxy support applies instead).
'use strict';
function getProxyForUrl() {
  throw new Error('axios proxying is disabled in SCP Server Explorer; VS Code applies http.proxy');
}
module.exports = { getProxyForUrl };
