import * as l10n from '@vscode/l10n';
import { ok, fail, type Result } from '../result';
import { DEFAULT_SORT, PRODUCT_CATEGORIES } from '../serverModel';

function ipv4Hint(): string {
  return l10n.t('Type an IPv4 address (10.10.1.11), its beginning (10.10.1.), a range such as 10.10.0.0/16 or 10.10.*, or an IPv6 address (fd00::11).');
}

function octetProblem(octet: string): string | undefined {
  if (!/^\d{1,3}$/.test(octet)) {
    return l10n.t('"{0}" is not a number from 0 to 255.', octet);
  }
  if (Number(octet) > 255) {
    return l10n.t('{0} is more than 255, the largest part of an IPv4 address.', octet);
  }
  if (octet.length > 1 && octet.startsWith('0')) {
    return l10n.t('"{0}" has a leading zero: addresses are written without them (e.g. 10, not 010).', octet);
  }
  return undefined;
}

function checkIpv4Prefix(text: string): Result<string> {
  const parts = text.split('.');
  const trailingDot = parts[parts.length - 1] === '';
  const octets = trailingDot ? parts.slice(0, -1) : parts;
  if (octets.length > 4 || (octets.length === 4 && trailingDot)) {
    return fail(l10n.t('"{0}" has more than four parts; an IPv4 address has four (10.10.1.11).', text));
  }
  for (const octet of octets) {
    const problem = octetProblem(octet);
    if (problem) {
      return fail(problem);
    }
  }
  return ok(text);
}

function checkIpv6Prefix(text: string): Result<string> {
  if (!/^[0-9a-f:]+$/i.test(text) || (text.match(/::/g)?.length ?? 0) > 1 || text.includes(':::')) {
    return fail(l10n.t('"{0}" is not an IPv6 address: use hex groups separated by colons, with at most one "::" (fd00:10::11).', text));
  }
  const groups = text.split(':').filter((group) => group !== '');
  if (groups.some((group) => group.length > 4) || groups.length > 8) {
    return fail(l10n.t('"{0}" is not an IPv6 address: at most eight groups of up to four hex digits.', text));
  }
  return ok(text.toLowerCase());
}

/** SCP matches addresses that begin with the value, so `10.10.0.0/16` and `10.10.*` become `10.10.`. */
export function checkIpFilter(input: string): Result<string | undefined> {
  const text = input.trim();
  if (text === '') {
    return ok(undefined);
  }
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (cidr) {
    const [, address, bitsText] = cidr;
    const bits = Number(bitsText);
    if (address.includes(':')) {
      return fail(l10n.t('SCP matches the beginning of an address, not an IPv6 range: type the beginning instead (fd00:10:).'));
    }
    const checked = checkIpv4Prefix(address);
    if (!checked.ok || address.split('.').length !== 4) {
      return fail(checked.ok ? l10n.t('"{0}" in a range needs all four parts (10.10.0.0/16).', address) : checked.error);
    }
    if (bits > 32 || bits % 8 !== 0) {
      return fail(l10n.t(
          '/{0} does not end on a dot, and SCP matches the beginning of an address, not a range: use /8, /16 or /24, or type the beginning (10.10.16.).',
          bits,
        ));
    }
    const kept = address.split('.').slice(0, bits / 8);
    return ok(bits === 32 ? address : bits === 0 ? undefined : `${kept.join('.')}.`);
  }
  if (text.includes('*')) {
    const wildcard = /^((?:\d{1,3}\.){1,3})\*(?:\.\*)*$/.exec(text);
    if (!wildcard) {
      return fail(l10n.t('"{0}": a wildcard may only stand for the last parts (10.10.* or 10.10.*.*). {1}', text, ipv4Hint()));
    }
    return checkIpv4Prefix(wildcard[1]);
  }
  if (text.includes(':')) {
    return checkIpv6Prefix(text);
  }
  if (/^[\d.]+$/.test(text)) {
    if (text.startsWith('.') || text.includes('..')) {
      return fail(l10n.t('"{0}" has an empty part. {1}', text, ipv4Hint()));
    }
    return checkIpv4Prefix(text);
  }
  return fail(l10n.t('"{0}" is not an IP address or the beginning of one. {1}', text, ipv4Hint()));
}

/** `created_at:desc,name` → checked terms; the API's default order is answered as undefined (nothing to send). */
export function checkSort(input: string): Result<string | undefined> {
  const text = input.trim();
  if (text === '') {
    return ok(undefined);
  }
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of text.split(',').map((part) => part.trim())) {
    const match = /^([a-z][a-z0-9_]*)(?::(asc|desc))?$/.exec(term);
    if (!match) {
      return fail(l10n.t('"{0}" is not a sort term: use key or key:asc / key:desc, e.g. name:asc or created_at:desc.', term));
    }
    if (seen.has(match[1])) {
      return fail(l10n.t('{0} is sorted on twice.', match[1]));
    }
    seen.add(match[1]);
    terms.push(term);
  }
  const sort = terms.join(',');
  return ok(sort === DEFAULT_SORT ? undefined : sort);
}

export function checkProductCategory(input: string): Result<string | undefined> {
  const text = input.trim().toLowerCase();
  if (text === '' || text === 'any') {
    return ok(undefined);
  }
  return (PRODUCT_CATEGORIES as readonly string[]).includes(text)
    ? ok(text)
    : fail(l10n.t('"{0}" is not a product category: use {1} or {2}.', input.trim(), PRODUCT_CATEGORIES[0], PRODUCT_CATEGORIES[1]));
}

/** Offerings are API tokens (`virtual_server`); anything else would only come back as a 400. */
export function checkOfferings(values: readonly string[]): Result<string[]> {
  const bad = values.map((value) => value.trim()).filter((value) => value !== '' && !/^[a-z0-9_]+$/.test(value));
  return bad.length > 0
    ? fail(l10n.t('"{0}" is not a product offering such as virtual_server, gpu_server, k8s_vm or k8s_gpu_vm.', bad[0]))
    : ok(values.map((value) => value.trim()).filter((value) => value !== ''));
}

/** Ids are single tokens: a space means something was pasted wrong. `what` names the id as the prompt does. */
export function checkId(input: string, what: string): Result<string | undefined> {
  const text = input.trim();
  if (text === '') {
    return ok(undefined);
  }
  return /\s/.test(text)
    ? fail(l10n.t('A {0} has no spaces: "{1}" looks like more than one value.', what, text))
    : ok(text);
}

export function checkText(input: string): Result<string | undefined> {
  const text = input.trim();
  return ok(text === '' ? undefined : text);
}
