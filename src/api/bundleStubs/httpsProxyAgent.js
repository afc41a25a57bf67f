// Stand-in for `https-proxy-agent`, swapped in by esbuild.mjs: the transport sets proxy: false and relies on
// VS Code's own proxy support (http.proxy), which patches Node's https module in the extension host.
'use strict';
function HttpsProxyAgent() {
  throw new Error('axios proxying is disabled in SCP Server Explorer; VS Code applies http.proxy');
}
module.exports = HttpsProxyAgent;
module.exports.default = HttpsProxyAgent;
module.exports.HttpsProxyAgent = HttpsProxyAgent;
