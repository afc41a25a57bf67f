// Stand-in for `form-data`, swapped in by esbuild.mjs: the extension never sends multipart bodies.
'use strict';
function FormData() {
  throw new Error('multipart bodies are not supported by SCP Server Explorer');
}
module.exports = FormData;
module.exports.default = FormData;
