// Stand-in for axios' own proxying (`proxy-from-env`, `https-proxy-agent` and axios' shouldBypassProxy), swapped in by
// esbuild.mjs: the transport sets proxy: false and relies on VS Code's own proxy support (http.proxy), which patches
// Node's https module in the extension host.
export default function refuseAxiosProxying() {
  throw new Error('axios proxying is disabled in SCP Server Explorer; VS Code applies http.proxy');
}
export const getProxyForUrl = refuseAxiosProxying;
export const HttpsProxyAgent = refuseAxiosProxying;
