/** How far back from the end the last element may start: far more than one server (about 1 KB of JSON). */
const MAX_ELEMENT_CHARS = 256 * 1024;

const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\n' || char === '\r' || char === '\t';

/**
 * Read from the end without parsing, so the next page's request (marker = this id) goes while this page is parsed.
 * A guess the caller checks against the parsed page: a `{` inside a string or a nested object never parses as the element.
 */
export function lastIdOfList(body: string): string | undefined {
  let end = body.length - 1;
  const skipBack = (): void => {
    while (isSpace(body[end])) {
      end--;
    }
  };
  for (const expected of ['}', ']']) {
    skipBack();
    if (body[end] !== expected) {
      return undefined;
    }
    end--;
  }
  skipBack();
  if (body[end] !== '}') {
    return undefined;
  }
  for (let start = body.lastIndexOf('{', end); start >= 0 && end - start <= MAX_ELEMENT_CHARS; start = body.lastIndexOf('{', start - 1)) {
    let before = start - 1;
    while (isSpace(body[before])) {
      before--;
    }
    if (body[before] !== ',' && body[before] !== '[') {
      continue;
    }
    let element: unknown;
    try {
      element = JSON.parse(body.slice(start, end + 1));
    } catch {
      continue;
    }
    const id = (element as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
  return undefined;
}
