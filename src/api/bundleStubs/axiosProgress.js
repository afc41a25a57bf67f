// Stand-in for axios' progress and rate limiting (AxiosTransformStream, progressEventReducer), swapped in by
// esbuild.mjs: the transport sets no onUploadProgress, onDownloadProgress or maxRate.
export default function unsupportedProgress() {
  throw new Error('progress callbacks and maxRate are not used by SCP Server Explorer');
}
export const progressEventReducer = unsupportedProgress;
export const progressEventDecorator = unsupportedProgress;
export const asyncDecorator = unsupportedProgress;
