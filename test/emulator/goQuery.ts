/**
 * Parses a raw query string the way Go's `url.ParseQuery` does (the SCP gateway and the official SDK are Go):
 * pairs split on `&`, key and value split on the first `=`, `+` decodes to a space, `%XX` to a byte (the bytes
 * are then read as UTF-8), a repeated key keeps every value in order. Like Go, a malformed pair (a bad `%`
 * escape, or a `;` anywhere in it) is skipped and reported as the error, while the other pairs are kept.
 */

export interface ParsedQuery {
  /** Decoded pairs, in the order they appear. */
  pairs: [string, string][];
  /** The first problem found, as Go words it; undefined when the whole string parsed. */
  error?: string;
}

export function parseGoQuery(rawQuery: string): ParsedQuery {
  const pairs: [string, string][] = [];
  let error: string | undefined;
  for (const segment of rawQuery.split('&')) {
    if (segment.includes(';')) {
      error ??= 'invalid semicolon separator in query';
      continue;
    }
    if (segment === '') {
      continue;
    }
    const equals = segment.indexOf('=');
    const rawKey = equals < 0 ? segment : segment.slice(0, equals);
    const rawValue = equals < 0 ? '' : segment.slice(equals + 1);
    const key = goQueryUnescape(rawKey);
    if (key === undefined) {
      error ??= `invalid URL escape in ${JSON.stringify(rawKey)}`;
      continue;
    }
    const value = goQueryUnescape(rawValue);
    if (value === undefined) {
      error ??= `invalid URL escape in ${JSON.stringify(rawValue)}`;
      continue;
    }
    pairs.push([key, value]);
  }
  return error === undefined ? { pairs } : { pairs, error };
}

/** Go's `url.QueryUnescape`: undefined when a `%` is not followed by two hex digits. */
function goQueryUnescape(text: string): string | undefined {
  if (!text.includes('%') && !text.includes('+')) {
    return text;
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        return undefined;
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (char === '+') {
      bytes.push(0x20);
    } else {
      // Node's HTTP parser only lets ASCII through in a request target; a caller may still pass other text.
      const literal = String.fromCodePoint(text.codePointAt(i) ?? 0);
      bytes.push(...Buffer.from(literal, 'utf8'));
      i += literal.length - 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
