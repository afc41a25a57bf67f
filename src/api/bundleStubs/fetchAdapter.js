// Stand-in for axios' fetch adapter, swapped in by esbuild.mjs: the transport asks for the `http` adapter, so this
// only tells axios that fetch is not available.
'use strict';
const getFetch = () => false;
module.exports = { getFetch, default: false };
