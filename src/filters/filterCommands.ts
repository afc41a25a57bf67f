import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { registerCommand } from '../commands/commandRegistry';
import { reportFailure } from '../commands/treeCommands';
import type { ExplorerModel } from '../core/explorerModel';
import { describeChoice } from '../core/filters/filterDescription';
import { hasActiveFilters, withoutFilters, withText, withValues } from '../core/filters/filterState';
import { QUERY_FIELDS, queryField } from '../core/filters/queryFields';
import type { Result } from '../core/result';
import type { LoadOutcome } from '../core/serverListing';
import type { ServerFilters } from '../core/serverModel';
import { GroupNode } from '../tree/groupNode';
import { FILTER_COMMANDS, filterCommandOf, type FilterCommand, type LoadedChoices, type ManyValuesCommand } from './filterCommandTable';
import { manyValuesPrompts, oneValuePrompts } from './filterPrompts';
import type { FilterStore } from './filterStore';

/** A bad argument is a caller's mistake: say what is wrong, and send nothing. */
function checked<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.value;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const isManyValues = (row: FilterCommand): row is ManyValuesCommand => queryField(row.key).values === 'many';

/** The store is read again after the prompt, so a change made meanwhile is kept. */
async function nextFilters(row: FilterCommand, store: FilterStore, argument: unknown, loaded: LoadedChoices): Promise<ServerFilters | undefined> {
  if (isManyValues(row)) {
    if (typeof argument === 'string' || isStringList(argument)) {
      const values = checked(queryField(row.key).check(typeof argument === 'string' ? [argument] : argument));
      return withValues(store.current, row.key, values);
    }
    const answer = await row.prompt(manyValuesPrompts(store.current[row.key] ?? []));
    return answer && withValues(store.current, row.key, answer.value);
  }
  const field = queryField(row.key);
  if (typeof argument === 'string') {
    return withText(store.current, row.key, checked(field.check(argument)));
  }
  const answer = await row.prompt(oneValuePrompts(store.current[row.key], field.check, loaded));
  return answer && withText(store.current, row.key, answer.value);
}

function editFiltersItems(current: ServerFilters, vpcNames: ReadonlyMap<string, string>): (vscode.QuickPickItem & { id?: string })[] {
  const itemOf = (field: (typeof QUERY_FIELDS)[number]) => ({
    label: field.label(),
    description: describeChoice(current, field.key, vpcNames),
    id: filterCommandOf(field.key),
  });
  const items: (vscode.QuickPickItem & { id?: string })[] = QUERY_FIELDS.filter((field) => field.narrows).map(itemOf);
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push(...QUERY_FIELDS.filter((field) => !field.narrows).map(itemOf));
  if (hasActiveFilters(current)) {
    items.push({
      label: `$(clear-all) ${vscode.l10n.t('Clear Filters')}`,
      description: vscode.l10n.t('show every server'),
      id: COMMANDS.clearFilters,
    });
  }
  return items;
}

export function registerFilterCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  model: ExplorerModel,
  store: FilterStore,
): void {
  const apply = async (next: ServerFilters | undefined): Promise<LoadOutcome | undefined> => {
    if (!next) {
      return undefined;
    }
    await store.set(next);
    const outcome = await model.setQuery(store.current);
    void reportFailure(model, log, outcome);
    return outcome;
  };
  const loaded: LoadedChoices = {
    servers: () => model.servers,
    vpcNames: () => Promise.resolve(model.connection?.vpcNamesOnce() ?? new Map<string, string>()),
  };

  for (const row of FILTER_COMMANDS) {
    registerCommand(context, log, row.command, async (argument?: unknown) => apply(await nextFilters(row, store, argument, loaded)));
  }

  registerCommand(context, log, COMMANDS.clearFilters, () => apply(withoutFilters(store.current)));

  registerCommand(context, log, COMMANDS.editFilters, async () => {
    const picked = await vscode.window.showQuickPick(editFiltersItems(store.current, model.knownVpcNames), {
      title: vscode.l10n.t('Edit filters'),
      placeHolder: vscode.l10n.t('Choose a filter to change'),
    });
    return picked?.id ? vscode.commands.executeCommand<LoadOutcome | undefined>(picked.id) : undefined;
  });

  // From the tree: the node says which VPC or state. Without one (a keybinding), ask like the palette command.
  registerCommand(context, log, COMMANDS.filterToVpc, (node?: unknown) =>
    node instanceof GroupNode && node.vpcId
      ? apply(withText(store.current, 'vpc_id', node.vpcId))
      : vscode.commands.executeCommand(filterCommandOf('vpc_id')),
  );
  registerCommand(context, log, COMMANDS.filterToState, (node?: unknown) =>
    node instanceof GroupNode && node.group.key.kind === 'state'
      ? apply(withText(store.current, 'state', node.group.key.state))
      : vscode.commands.executeCommand(filterCommandOf('state')),
  );
}
