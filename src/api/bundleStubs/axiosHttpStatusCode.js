// Stand-in for axios.HttpStatusCode, swapped in by esbuild.mjs: axios only exposes this table of names; the extension
// compares status numbers. Reading any name from it fails.
export default new Proxy(
  {},
  {
    get(_table, name) {
      throw new Error(`axios.HttpStatusCode.${String(name)} is not available in SCP Server Explorer`);
    },
  },
);
