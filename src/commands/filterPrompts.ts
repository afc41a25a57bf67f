import * as vscode from 'vscode';
import type { Checked } from '../core/endpoints';
import { sortKeys, type Choice } from '../core/filterChoices';
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
      description: [choice.description, choice.value === options.current ? vscode.l10n.t('current') : ''].filter(Boolean).join(' · '),
      action: 'value',
      value: choice.value,
    }));
    list.push({ label: '', kind: vscode.QuickPickItemKind.Separator, action: 'value' });
    list.push({ label: `$(edit) ${options.enter.label}`, action: 'enter' });
    if (options.current) {
      list.push({ label: `$(clear-all) ${options.clearLabel}`, description: vscode.l10n.t('now: {0}', options.current), action: 'clear' });
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
    title: vscode.l10n.t('Filter by name'),
    prompt: vscode.l10n.t('Servers whose name contains this text; SCP does the matching. Empty: any name.'),
    value: current ?? '',
  });
  return typed === undefined ? undefined : { value: typed.trim() || undefined };
}

export async function promptIp(current: string | undefined): Promise<Answer<string | undefined>> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter by IP address'),
    prompt: vscode.l10n.t('An address or its beginning (10.10.1.11, 10.10.1., 10.10.0.0/16, 10.10.*, fd00::11). Empty: any address.'),
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
    title: vscode.l10n.t('Filter by state'),
    placeHolder: vscode.l10n.t('Show servers in this state'),
    current,
    choices: KNOWN_STATES.map((state) => ({ value: state, label: state, description: '' })),
    enter: {
      label: vscode.l10n.t('Other…'),
      prompt: vscode.l10n.t('A state SCP reports, as it writes it (e.g. SHELVED)'),
      check: (text) => ({ ok: true, value: text.trim() || undefined }),
    },
    clearLabel: vscode.l10n.t('Any state (no filter)'),
  });
}

export async function promptProductCategory(current: string | undefined): Promise<Answer<string | undefined>> {
  const items = [
    ...PRODUCT_CATEGORIES.map((category) => ({
      label: category,
      description: category === current ? vscode.l10n.t('current') : '',
      value: category as string | undefined,
    })),
    { label: vscode.l10n.t('Any'), description: current ? '' : vscode.l10n.t('current'), value: undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Filter by product category'),
    placeHolder: vscode.l10n.t('compute, container, or any'),
  });
  return picked ? { value: picked.value } : undefined;
}

/** Multi-select with the current offerings ticked; ticking none means any offering. */
export async function promptProductOfferings(current: readonly string[]): Promise<Answer<string[]>> {
  const offerings = [...PRODUCT_OFFERINGS, ...current.filter((value) => !(PRODUCT_OFFERINGS as readonly string[]).includes(value))];
  const picked = await vscode.window.showQuickPick(
    offerings.map((offering) => ({ label: offering, picked: current.includes(offering) })),
    {
      title: vscode.l10n.t('Filter by product offering'),
      placeHolder: vscode.l10n.t('Tick the offerings to show; none ticked: any offering'),
      canPickMany: true,
    },
  );
  return picked ? { value: picked.map((item) => item.label) } : undefined;
}

/** Two steps: the key, then the direction; "Default order" goes back to the API's `created_at:desc`. */
export async function promptSort(current: string | undefined): Promise<Answer<string | undefined>> {
  const now = current ?? DEFAULT_SORT;
  const keys = [
    ...sortKeys().map((entry) => ({ label: entry.label, description: entry.key, key: entry.key as string | undefined })),
    { label: vscode.l10n.t('Default order'), description: vscode.l10n.t('{0}, as SCP sends it', describeSort(DEFAULT_SORT)), key: undefined },
  ];
  const key = await vscode.window.showQuickPick(keys, {
    title: vscode.l10n.t('Sort servers by'),
    placeHolder: vscode.l10n.t('Now: {0}', describeSort(now)),
  });
  if (!key) {
    return undefined;
  }
  if (key.key === undefined) {
    return { value: undefined };
  }
  const direction = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Descending'),
        description: key.key.endsWith('_at') ? vscode.l10n.t('newest first') : vscode.l10n.t('Z to A'),
        value: 'desc',
      },
      {
        label: vscode.l10n.t('Ascending'),
        description: key.key.endsWith('_at') ? vscode.l10n.t('oldest first') : vscode.l10n.t('A to Z'),
        value: 'asc',
      },
    ],
    { title: vscode.l10n.t('Sort by {0}', key.label) },
  );
  if (!direction) {
    return undefined;
  }
  const checked = checkSort(`${key.key}:${direction.value}`);
  return checked.ok ? { value: checked.value } : undefined;
}
