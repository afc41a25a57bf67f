import * as vscode from 'vscode';
import type { Checked } from '../core/endpoints';
import { SORT_KEYS, type Choice } from '../core/filterChoices';
import { describeSort } from '../core/filterDescription';
import { checkIpFilter, checkSort } from '../core/filterInput';
import { DEFAULT_SORT, PRODUCT_CATEGORIES, PRODUCT_OFFERINGS } from '../core/serverModel';
import { KNOWN_STATES } from '../core/serverStates';

/**
 * The quick picks and input boxes of the filter commands. Each answers `{ value }` (undefined value = no filter)
 * or undefined when the user cancelled, so cancelling never clears a filter.
 */
export type Answer<T> = { value: T } | undefined;

const messageOf = <T>(checked: Checked<T>): string | undefined => (checked.ok ? undefined : checked.error);

interface PickItem extends vscode.QuickPickItem {
  action: 'value' | 'enter' | 'clear';
  value?: string;
}

export interface PickOrEnterOptions {
  title: string;
  placeHolder: string;
  current: string | undefined;
  choices: Choice[] | Thenable<Choice[]>;
  /** The last entry: type a value that is not in the list. */
  enter: { label: string; prompt: string; check: (text: string) => Checked<string | undefined> };
  clearLabel: string;
}

/** A list to pick from, "type another value", and "no filter" while one is set. */
export async function pickOrEnter(options: PickOrEnterOptions): Promise<Answer<string | undefined>> {
  const items = Promise.resolve(options.choices).then((choices): PickItem[] => {
    const list: PickItem[] = choices.map((choice) => ({
      label: choice.label,
      description: [choice.description, choice.value === options.current ? 'current' : ''].filter(Boolean).join(' · '),
      action: 'value',
      value: choice.value,
    }));
    list.push({ label: '', kind: vscode.QuickPickItemKind.Separator, action: 'value' });
    list.push({ label: `$(edit) ${options.enter.label}`, action: 'enter' });
    if (options.current) {
      list.push({ label: `$(clear-all) ${options.clearLabel}`, description: `now: ${options.current}`, action: 'clear' });
    }
    return list;
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title,
    placeHolder: options.placeHolder,
    matchOnDescription: true,
  });
  if (!picked) {
    return undefined;
  }
  if (picked.action === 'clear') {
    return { value: undefined };
  }
  if (picked.action === 'value') {
    return { value: picked.value };
  }
  const typed = await vscode.window.showInputBox({
    title: options.title,
    prompt: options.enter.prompt,
    value: options.current ?? '',
    validateInput: (text) => messageOf(options.enter.check(text)),
  });
  if (typed === undefined) {
    return undefined;
  }
  const checked = options.enter.check(typed);
  return checked.ok ? { value: checked.value } : undefined;
}

export async function promptName(current: string | undefined): Promise<Answer<string | undefined>> {
  const typed = await vscode.window.showInputBox({
    title: 'Filter by name',
    prompt: 'Servers whose name contains this text; SCP does the matching. Empty: any name.',
    value: current ?? '',
  });
  return typed === undefined ? undefined : { value: typed.trim() || undefined };
}

export async function promptIp(current: string | undefined): Promise<Answer<string | undefined>> {
  const typed = await vscode.window.showInputBox({
    title: 'Filter by IP address',
    prompt: 'An address or its beginning (10.10.1.11, 10.10.1., 10.10.0.0/16, 10.10.*, fd00::11). Empty: any address.',
    value: current ?? '',
    validateInput: (text) => messageOf(checkIpFilter(text)),
  });
  if (typed === undefined) {
    return undefined;
  }
  const checked = checkIpFilter(typed);
  return checked.ok ? { value: checked.value } : undefined;
}

export function promptState(current: string | undefined): Promise<Answer<string | undefined>> {
  return pickOrEnter({
    title: 'Filter by state',
    placeHolder: 'Show servers in this state',
    current,
    choices: KNOWN_STATES.map((state) => ({ value: state, label: state, description: '' })),
    enter: {
      label: 'Other…',
      prompt: 'A state SCP reports, as it writes it (e.g. SHELVED)',
      check: (text) => ({ ok: true, value: text.trim() || undefined }),
    },
    clearLabel: 'Any state (no filter)',
  });
}

export async function promptProductCategory(current: string | undefined): Promise<Answer<string | undefined>> {
  const items = [
    ...PRODUCT_CATEGORIES.map((category) => ({ label: category, description: category === current ? 'current' : '', value: category as string | undefined })),
    { label: 'Any', description: current ? '' : 'current', value: undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Filter by product category', placeHolder: 'compute, container, or any' });
  return picked ? { value: picked.value } : undefined;
}

/** Multi-select with the current offerings ticked; ticking none means any offering. */
export async function promptProductOfferings(current: readonly string[]): Promise<Answer<string[]>> {
  const offerings = [...PRODUCT_OFFERINGS, ...current.filter((value) => !(PRODUCT_OFFERINGS as readonly string[]).includes(value))];
  const picked = await vscode.window.showQuickPick(
    offerings.map((offering) => ({ label: offering, picked: current.includes(offering) })),
    { title: 'Filter by product offering', placeHolder: 'Tick the offerings to show; none ticked: any offering', canPickMany: true },
  );
  return picked ? { value: picked.map((item) => item.label) } : undefined;
}

/** Two steps: the key, then the direction; "Default order" goes back to the API's `created_at:desc`. */
export async function promptSort(current: string | undefined): Promise<Answer<string | undefined>> {
  const now = current ?? DEFAULT_SORT;
  const keys = [
    ...SORT_KEYS.map((entry) => ({ label: entry.label, description: entry.key, key: entry.key as string | undefined })),
    { label: 'Default order', description: `${describeSort(DEFAULT_SORT)}, as SCP sends it`, key: undefined },
  ];
  const key = await vscode.window.showQuickPick(keys, { title: 'Sort servers by', placeHolder: `Now: ${describeSort(now)}` });
  if (!key) {
    return undefined;
  }
  if (key.key === undefined) {
    return { value: undefined };
  }
  const direction = await vscode.window.showQuickPick(
    [
      { label: 'Descending', description: key.key.endsWith('_at') ? 'newest first' : 'Z to A', value: 'desc' },
      { label: 'Ascending', description: key.key.endsWith('_at') ? 'oldest first' : 'A to Z', value: 'asc' },
    ],
    { title: `Sort by ${key.label}` },
  );
  if (!direction) {
    return undefined;
  }
  const checked = checkSort(`${key.key}:${direction.value}`);
  return checked.ok ? { value: checked.value } : undefined;
}
