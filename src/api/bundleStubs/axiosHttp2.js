// Stand-in for axios' HTTP/2 session pool, swapped in by esbuild.mjs: the transport leaves httpVersion at 1. axios makes
// one pool when it loads, so constructing it works; only asking it for a session fails.
export default class Http2Sessions {
  getSession() {
    throw new Error('HTTP/2 is not used by SCP Server Explorer');
  }
}
