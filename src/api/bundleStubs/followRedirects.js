// Stand-in for `follow-redirects`, swapped in by esbuild.mjs: the transport sets maxRedirects: 0 (a redirect
// would carry a signature made for another URL), so axios uses Node's http/https and never this.
'use strict';
function refuse() {
  throw new Error('redirects are not followed by SCP Server Explorer');
}
module.exports = { http: { request: refuse }, https: { request: refuse } };
