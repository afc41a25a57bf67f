// Stand-in for axios' form and params serialisers (toFormData, formDataToJSON, toURLEncodedForm, AxiosURLSearchParams,
// formDataToStream, readBlob), swapped in by esbuild.mjs: the transport sends no `params` (the signed URL is complete)
// and only JSON bodies, so axios never builds a form, a urlencoded body or a query string.
export default function unsupportedFormBody() {
  throw new Error('form bodies and axios params are not used by SCP Server Explorer');
}
export const DEFAULT_FORM_DATA_MAX_DEPTH = 0;
