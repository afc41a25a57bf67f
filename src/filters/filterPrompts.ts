import * as vscode from 'vscode';
import { sortKeys } from '../core/filters/filterChoices';
import { describeSort } from '../core/filters/filterDescription';
import type { Result } from '../core/result';
import { DEFAULT_SORT } from '../core/serverModel';
import type { Answer, LoadedChoices, ManyValuesPrompts, OneValuePrompts, PickOrEnterOptions } from './filterCommandTable';

type Check = (text: string) => Result<string | undefined>;

const messageOf = (checked: Result<unknown>): string | undefined => (checked.ok ? undefined : checked.error);

async function inputChecked(title: string, prompt: string, current: string | undefined, check: Check): Promise<Answer<string | undefined>> {
  const typed = await vscode.window.showInputBox({ title, prompt, value: current ?? '', validateInput: (text) => messageOf(check(text)) });
  if (typed === undefined) {
    return undefined;
  }
  const checked = check(typed);
  return checked.ok ? { value: checked.value } : undefined;
}

interface PickItem extends vscode.QuickPickItem {
  action: 'value' | 'enter' | 'clear';
  value?: string;
}

async function pickOrEnter(options: PickOrEnterOptions, current: string | undefined, check: Check): Promise<Answer<string | undefined>> {
  const items = Promise.resolve(options.choices).then((choices): PickItem[] => {
    const list: PickItem[] = choices.map((choice) => ({
      label: choice.label,
      description: [choice.description, choice.value === current ? vscode.l10n.t('current') : ''].filter(Boolean).join(' · '),
      action: 'value',
      value: choice.value,
    }));
    list.push({ label: '', kind: vscode.QuickPickItemKind.Separator, action: 'value' });
    list.push({ label: `$(edit) ${options.enter.label}`, action: 'enter' });
    if (current) {
      list.push({ label: `$(clear-all) ${options.clearLabel}`, description: vscode.l10n.t('now: {0}', current), action: 'clear' });
    }
    return list;
  });
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true });
  if (!picked) {
    return undefined;
  }
  if (picked.action === 'clear') {
    return { value: undefined };
  }
  if (picked.action === 'value') {
    return { value: picked.value };
  }
  return inputChecked(options.title, options.enter.prompt, current, check);
}

async function pickOne(
  options: { title: string; placeHolder: string; values: readonly string[]; anyLabel: string },
  current: string | undefined,
): Promise<Answer<string | undefined>> {
  const items = [
    ...options.values.map((value) => ({
      label: value,
      description: value === current ? vscode.l10n.t('current') : '',
      value: value as string | undefined,
    })),
    { label: options.anyLabel, description: current ? '' : vscode.l10n.t('current'), value: undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder });
  return picked ? { value: picked.value } : undefined;
}

/** "Default order" goes back to the API's `created_at:desc`. */
async function pickSort(current: string | undefined, check: Check): Promise<Answer<string | undefined>> {
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
  const checked = check(`${key.key}:${direction.value}`);
  return checked.ok ? { value: checked.value } : undefined;
}

export function oneValuePrompts(current: string | undefined, check: Check, loaded: LoadedChoices): OneValuePrompts {
  return {
    loaded,
    input: ({ title, prompt }) => inputChecked(title, prompt, current, check),
    pickOrEnter: (options) => pickOrEnter(options, current, check),
    pickOne: (options) => pickOne(options, current),
    sort: () => pickSort(current, check),
  };
}

export function manyValuesPrompts(current: readonly string[]): ManyValuesPrompts {
  return {
    pickMany: async ({ title, placeHolder, known }) => {
      const values = [...known, ...current.filter((value) => !known.includes(value))];
      const picked = await vscode.window.showQuickPick(
        values.map((value) => ({ label: value, picked: current.includes(value) })),
        { title, placeHolder, canPickMany: true },
      );
      return picked ? { value: picked.map((item) => item.label) } : undefined;
    },
  };
}
