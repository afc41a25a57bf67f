/** How far back from the end the last element may start: far more than one server (about 1 KB of JSON). */
const MAX_ELEMENT_BYTES = 256 * 1024;

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACKET = 0x5b;
const COMMA = 0x2c;

const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

const decoder = new TextDecoder();

/**
 * Read from the end of the raw UTF-8 bytes, before the page is decoded or parsed, so the next page's request
 * (marker = this id) goes out first. The JSON punctuation searched for is ASCII, which never occurs inside a
 * multi-byte character. A guess the caller checks against the parsed page: a `{` inside a string or a nested object
 * never parses as the element.
 */
export function lastIdOfList(body: Uint8Array): string | undefined {
  let end = body.length - 1;
  const skipBack = (): void => {
    while (isSpace(body[end])) {
      end--;
    }
  };
  for (const expected of [CLOSE_BRACE, CLOSE_BRACKET]) {
    skipBack();
    if (body[end] !== expected) {
      return undefined;
    }
    end--;
  }
  skipBack();
  if (end < 0 || body[end] !== CLOSE_BRACE) {
    return undefined;
  }
  for (let start = body.lastIndexOf(OPEN_BRACE, end); start >= 0 && end - start <= MAX_ELEMENT_BYTES; start = start > 0 ? body.lastIndexOf(OPEN_BRACE, start - 1) : -1) {
    let before = start - 1;
    while (isSpace(body[before])) {
      before--;
    }
    if (body[before] !== COMMA && body[before] !== OPEN_BRACKET) {
      continue;
    }
    let element: unknown;
    try {
      element = JSON.parse(decoder.decode(body.subarray(start, end + 1)));
    } catch {
      continue;
    }
    const id = (element as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
  return undefined;
}
