// Stand-in for axios.CancelToken, swapped in by esbuild.mjs: axios only exposes it; the transport cancels with an
// AbortSignal. Constructing one, or CancelToken.source(), fails.
export default function CancelToken() {
  throw new Error('axios.CancelToken is not used by SCP Server Explorer; it cancels with AbortSignal');
}
CancelToken.source = CancelToken;
