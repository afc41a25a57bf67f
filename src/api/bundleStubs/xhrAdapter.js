// Stand-in for axios' xhr adapter, swapped in by esbuild.mjs: in Node axios' own module is `false` (no
// XMLHttpRequest), which is what this says too.
'use strict';
module.exports = false;
