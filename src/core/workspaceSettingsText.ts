// VS Code leaves an `application`-scoped value out of what `inspect()` reports for the workspace, so only the settings
// file's text can tell the user that such a value is ignored.
import { stripBom } from './byteOrderMark';

export function stripJsonc(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[++i] ?? '';
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else if (char === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      // a trailing comma: dropped
    } else {
      out += char;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A file that cannot be parsed is searched for the flat key, so a stray comma does not hide it. */
export function settingsTextSets(text: string, section: string, key: string, inWorkspaceFile = false): boolean {
  const flat = `${section}.${key}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonc(stripBom(text)));
  } catch {
    return text.includes(`"${flat}"`);
  }
  const settings = inWorkspaceFile && isRecord(parsed) ? parsed.settings : parsed;
  if (!isRecord(settings)) {
    return false;
  }
  const nested = settings[section];
  return settings[flat] !== undefined || (isRecord(nested) && nested[key] !== undefined);
}
