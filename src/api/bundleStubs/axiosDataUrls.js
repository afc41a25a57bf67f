// Stand-in for axios' data: URL readers (fromDataURI, estimateDataURLDecodedBytes), swapped in by esbuild.mjs: every
// request goes to the endpoint, which must be http(s) (src/core/endpoints.ts).
export default function unsupportedDataUrl() {
  throw new Error('data: URLs are not requested by SCP Server Explorer');
}
export const estimateDataURLBufferAllocation = unsupportedDataUrl;
