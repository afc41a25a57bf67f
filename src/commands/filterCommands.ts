import * as vscode from 'vscode';
import type { Checked } from '../core/endpoints';
import { autoScalingGroupChoices, serverTypeChoices, vpcChoices } from '../core/filterChoices';
import { describeSort, describeValue } from '../core/filterDescription';
import { checkId, checkIpFilter, checkOfferings, checkProductCategory, checkSort, checkText } from '../core/filterInput';
import { FILTER_KEYS, hasActiveFilters, withOfferings, withoutFilters, withText, type FilterKey, type QueryKey } from '../core/filterState';
import type { LoadOutcome } from '../core/serverListing';
import { DEFAULT_SORT, type ServerFilters } from '../core/serverModel';
import type { FilterStore } from '../filters/filterStore';
import { GroupNode } from '../tree/groupNode';
import type { ExplorerModel } from '../core/explorerModel';
import { registerCommand } from './commandRegistry';
import * as prompts from './filterPrompts';
import { reportFailure } from './treeCommands';

/** One palette command per query parameter. Its optional argument is the value, which skips the prompt. */
interface TextFilterCommand {
  id: string;
  key: QueryKey;
  check: (text: string) => Checked<string | undefined>;
  prompt: (current: string | undefined) => Promise<prompts.Answer<string | undefined>>;
}

function textFilterCommands(model: ExplorerModel): TextFilterCommand[] {
  /** The "type an id" entry of a picker; `what` names the id, `example` shows one. */
  const idEntry = (label: string, what: string, example: string) => ({
    label,
    prompt: vscode.l10n.t('The {0}, e.g. {1}', what, example),
    check: (text: string) => checkId(text, what),
  });
  return [
    { id: 'scpExplorer.filterByName', key: 'name', check: checkText, prompt: prompts.promptName },
    { id: 'scpExplorer.filterByIp', key: 'ip', check: checkIpFilter, prompt: prompts.promptIp },
    { id: 'scpExplorer.filterByState', key: 'state', check: checkText, prompt: prompts.promptState },
    {
      id: 'scpExplorer.filterByProductCategory',
      key: 'product_category',
      check: checkProductCategory,
      prompt: prompts.promptProductCategory,
    },
    {
      id: 'scpExplorer.filterByVpc',
      key: 'vpc_id',
      check: (text) => checkId(text, vscode.l10n.t('VPC ID')),
      prompt: (current) =>
        prompts.pickOrEnter({
          title: vscode.l10n.t('Filter by VPC'),
          placeHolder: vscode.l10n.t('Show the servers of this VPC'),
          current,
          // The VPC list is cached per connection; without the permission to list VPCs, loaded servers still give ids.
          choices: Promise.resolve(model.connection?.vpcNamesOnce() ?? new Map<string, string>()).then((names) =>
            vpcChoices(names, model.servers),
          ),
          enter: idEntry(vscode.l10n.t('Enter a VPC ID…'), vscode.l10n.t('VPC ID'), 'b1f0c0de7f3e4a51a9e1c2d3e4f50001'),
          clearLabel: vscode.l10n.t('Any VPC (no filter)'),
        }),
    },
    {
      id: 'scpExplorer.filterByServerType',
      key: 'server_type_id',
      check: (text) => checkId(text, vscode.l10n.t('server type ID')),
      prompt: (current) =>
        prompts.pickOrEnter({
          title: vscode.l10n.t('Filter by server type'),
          placeHolder: vscode.l10n.t('Types of the loaded servers, or enter one'),
          current,
          choices: serverTypeChoices(model.servers),
          enter: idEntry(vscode.l10n.t('Enter a server type ID…'), vscode.l10n.t('server type ID'), 's1v1m2'),
          clearLabel: vscode.l10n.t('Any server type (no filter)'),
        }),
    },
    {
      id: 'scpExplorer.filterByAutoScalingGroup',
      key: 'auto_scaling_group_id',
      check: (text) => checkId(text, vscode.l10n.t('auto-scaling group ID')),
      prompt: (current) =>
        prompts.pickOrEnter({
          title: vscode.l10n.t('Filter by auto-scaling group'),
          placeHolder: vscode.l10n.t('Groups of the loaded servers, or enter an id'),
          current,
          choices: autoScalingGroupChoices(model.servers),
          enter: idEntry(
            vscode.l10n.t('Enter an auto-scaling group ID…'),
            vscode.l10n.t('auto-scaling group ID'),
            '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7081',
          ),
          clearLabel: vscode.l10n.t('Any auto-scaling group (no filter)'),
        }),
    },
    { id: 'scpExplorer.sort', key: 'sort', check: checkSort, prompt: prompts.promptSort },
  ];
}

const OFFERING_COMMAND = 'scpExplorer.filterByProductOffering';

/** Edit Filters: every filter, in the order of the API's parameters, and the command that edits it. */
function filterMenuEntry(key: FilterKey): { label: string; id: string } {
  switch (key) {
    case 'name':
      return { label: vscode.l10n.t('Name'), id: 'scpExplorer.filterByName' };
    case 'ip':
      return { label: vscode.l10n.t('IP address'), id: 'scpExplorer.filterByIp' };
    case 'state':
      return { label: vscode.l10n.t('State'), id: 'scpExplorer.filterByState' };
    case 'product_category':
      return { label: vscode.l10n.t('Product category'), id: 'scpExplorer.filterByProductCategory' };
    case 'product_offering':
      return { label: vscode.l10n.t('Product offering'), id: OFFERING_COMMAND };
    case 'vpc_id':
      return { label: 'VPC', id: 'scpExplorer.filterByVpc' };
    case 'server_type_id':
      return { label: vscode.l10n.t('Server type'), id: 'scpExplorer.filterByServerType' };
    case 'auto_scaling_group_id':
      return { label: vscode.l10n.t('Auto-scaling group'), id: 'scpExplorer.filterByAutoScalingGroup' };
  }
}

/** A bad argument is a caller's mistake: say what is wrong, and send nothing. */
function checked<T>(result: Checked<T>): T {
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.value;
}

export function registerFilterCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  model: ExplorerModel,
  store: FilterStore,
): void {
  /** Stores the new query, then restarts paging from page one with it. */
  const apply = async (next: ServerFilters): Promise<LoadOutcome | undefined> => {
    await store.set(next);
    const outcome = await model.setQuery(store.current);
    void reportFailure(model, log, outcome);
    return outcome;
  };

  const commands = textFilterCommands(model);
  for (const command of commands) {
    registerCommand(context, log, command.id, async (value?: unknown) => {
      if (typeof value === 'string') {
        return apply(withText(store.current, command.key, checked(command.check(value))));
      }
      const answer = await command.prompt(store.current[command.key]);
      return answer ? apply(withText(store.current, command.key, answer.value)) : undefined;
    });
  }

  registerCommand(context, log, OFFERING_COMMAND, async (value?: unknown) => {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))) {
      return apply(withOfferings(store.current, checked(checkOfferings(typeof value === 'string' ? [value] : (value as string[])))));
    }
    const answer = await prompts.promptProductOfferings(store.current.product_offering ?? []);
    return answer ? apply(withOfferings(store.current, answer.value)) : undefined;
  });

  registerCommand(context, log, 'scpExplorer.clearFilters', () => apply(withoutFilters(store.current)));

  registerCommand(context, log, 'scpExplorer.editFilters', async () => {
    const current = store.current;
    const names = model.knownVpcNames;
    const items: (vscode.QuickPickItem & { id?: string })[] = FILTER_KEYS.map((key) => ({
      label: filterMenuEntry(key).label,
      description: describeValue(current, key, names) ?? vscode.l10n.t('any'),
      id: filterMenuEntry(key).id,
    }));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: vscode.l10n.t('Sort'),
      description: current.sort ? describeSort(current.sort) : vscode.l10n.t('{0} (default)', describeSort(DEFAULT_SORT)),
      id: 'scpExplorer.sort',
    });
    if (hasActiveFilters(current)) {
      items.push({
        label: `$(clear-all) ${vscode.l10n.t('Clear Filters')}`,
        description: vscode.l10n.t('show every server'),
        id: 'scpExplorer.clearFilters',
      });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Edit filters'),
      placeHolder: vscode.l10n.t('Choose a filter to change'),
    });
    return picked?.id ? vscode.commands.executeCommand<LoadOutcome | undefined>(picked.id) : undefined;
  });

  // From the tree: the node says which VPC or state. Without one (a keybinding), ask like the palette command.
  registerCommand(context, log, 'scpExplorer.filterToVpc', (node?: unknown) =>
    node instanceof GroupNode && node.vpcId
      ? apply(withText(store.current, 'vpc_id', node.vpcId))
      : vscode.commands.executeCommand('scpExplorer.filterByVpc'),
  );
  registerCommand(context, log, 'scpExplorer.filterToState', (node?: unknown) =>
    node instanceof GroupNode && node.group.key.kind === 'state'
      ? apply(withText(store.current, 'state', node.group.key.state))
      : vscode.commands.executeCommand('scpExplorer.filterByState'),
  );
}
