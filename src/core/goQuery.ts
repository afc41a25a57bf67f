// Byte for byte like Go's `url.Values.Encode()`: the gateway verifies the signature over the exact URL, and the
// official SDK (Go) is the reference for how that URL looks.

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Go's `url.QueryEscape`: space → `+`, every other byte outside `A-Za-z0-9-_.~` → `%XX` (upper-case, UTF-8). */
export function goQueryEscape(value: string): string {
  let out = '';
  for (const char of value) {
    if (UNRESERVED.test(char)) {
      out += char;
    } else if (char === ' ') {
      out += '+';
    } else {
      for (const byte of Buffer.from(char, 'utf8')) {
        out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
    }
  }
  return out;
}

export type QueryValues = Record<string, readonly string[]>;

/** Keys sort by UTF-16 code units, which for this API's ASCII keys is Go's byte order. */
export function encodeGoQuery(values: QueryValues): string {
  const parts: string[] = [];
  for (const key of Object.keys(values).sort()) {
    const escapedKey = goQueryEscape(key);
    for (const value of values[key]) {
      parts.push(`${escapedKey}=${goQueryEscape(value)}`);
    }
  }
  return parts.join('&');
}

/** Go's `url.PathEscape`, as the SDK escapes `{server_id}`: like QueryEscape but `$&+:=@` stay and space is `%20`. */
export function goPathEscape(segment: string): string {
  let out = '';
  for (const char of segment) {
    if (UNRESERVED.test(char) || '$&+:=@'.includes(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) {
        out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
    }
  }
  return out;
}
