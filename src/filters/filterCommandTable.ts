// Free of `vscode` (the prompts come in through `ask`), so that the unit tier checks this table against package.json.
import * as l10n from '@vscode/l10n';
import { COMMANDS } from '../constants';
import { autoScalingGroupChoices, serverTypeChoices, vpcChoices, type Choice } from '../core/filters/filterChoices';
import type { ManyValuesKey, OneValueKey, QueryKey } from '../core/filters/queryFields';
import type { Server } from '../core/serverModel';
import { PRODUCT_CATEGORIES, PRODUCT_OFFERINGS } from '../core/serverModel';
import { KNOWN_STATES } from '../core/serverStates';

/** `{ value }` (undefined value = no filter), or undefined when the user cancelled: cancelling never clears a filter. */
export type Answer<T> = { value: T } | undefined;

export interface LoadedChoices {
  servers(): readonly Server[];
  vpcNames(): Promise<ReadonlyMap<string, string>>;
}

export interface PickOrEnterOptions {
  title: string;
  placeHolder: string;
  choices: Choice[] | Thenable<Choice[]>;
  enter: { label: string; prompt: string };
  clearLabel: string;
}

export interface OneValuePrompts {
  readonly loaded: LoadedChoices;
  input(options: { title: string; prompt: string }): Promise<Answer<string | undefined>>;
  pickOrEnter(options: PickOrEnterOptions): Promise<Answer<string | undefined>>;
  pickOne(options: { title: string; placeHolder: string; values: readonly string[]; anyLabel: string }): Promise<Answer<string | undefined>>;
  sort(): Promise<Answer<string | undefined>>;
}

export interface ManyValuesPrompts {
  pickMany(options: { title: string; placeHolder: string; known: readonly string[] }): Promise<Answer<string[]>>;
}

interface MenuPlace {
  menu: 'scpExplorer.filterSubmenu' | 'view/title';
  group: string;
}

interface CommandRowBase {
  /** The palette command; its optional argument is the value, which skips the prompt. */
  command: string;
  place: MenuPlace;
}
interface OneValueCommand extends CommandRowBase {
  key: OneValueKey;
  prompt: (ask: OneValuePrompts) => Promise<Answer<string | undefined>>;
}
export interface ManyValuesCommand extends CommandRowBase {
  key: ManyValuesKey;
  prompt: (ask: ManyValuesPrompts) => Promise<Answer<string[]>>;
}
export type FilterCommand = OneValueCommand | ManyValuesCommand;

const SUBMENU: MenuPlace = { menu: 'scpExplorer.filterSubmenu', group: '1_filters' };

const idEntry = (label: string, what: string, example: string) => ({ label, prompt: l10n.t('The {0}, e.g. {1}', what, example) });

export const FILTER_COMMANDS: readonly FilterCommand[] = [
  {
    key: 'name',
    command: 'scpExplorer.filterByName',
    place: SUBMENU,
    prompt: (ask) =>
      ask.input({
        title: l10n.t('Filter by name'),
        prompt: l10n.t('Servers whose name contains this text; SCP does the matching. Empty: any name.'),
      }),
  },
  {
    key: 'ip',
    command: 'scpExplorer.filterByIp',
    place: SUBMENU,
    prompt: (ask) =>
      ask.input({
        title: l10n.t('Filter by IP address'),
        prompt: l10n.t('An address or its beginning (10.10.1.11, 10.10.1., 10.10.0.0/16, 10.10.*, fd00::11). Empty: any address.'),
      }),
  },
  {
    key: 'state',
    command: 'scpExplorer.filterByState',
    place: SUBMENU,
    prompt: (ask) =>
      ask.pickOrEnter({
        title: l10n.t('Filter by state'),
        placeHolder: l10n.t('Show servers in this state'),
        choices: KNOWN_STATES.map((state) => ({ value: state, label: state, description: '' })),
        enter: { label: l10n.t('Other…'), prompt: l10n.t('A state SCP reports, as it writes it (e.g. SHELVED)') },
        clearLabel: l10n.t('Any state (no filter)'),
      }),
  },
  {
    key: 'product_category',
    command: 'scpExplorer.filterByProductCategory',
    place: SUBMENU,
    prompt: (ask) =>
      ask.pickOne({
        title: l10n.t('Filter by product category'),
        placeHolder: l10n.t('compute, container, or any'),
        values: PRODUCT_CATEGORIES,
        anyLabel: l10n.t('Any'),
      }),
  },
  {
    key: 'product_offering',
    command: 'scpExplorer.filterByProductOffering',
    place: SUBMENU,
    prompt: (ask) =>
      ask.pickMany({
        title: l10n.t('Filter by product offering'),
        placeHolder: l10n.t('Tick the offerings to show; none ticked: any offering'),
        known: PRODUCT_OFFERINGS,
      }),
  },
  {
    key: 'vpc_id',
    command: 'scpExplorer.filterByVpc',
    place: SUBMENU,
    prompt: (ask) =>
      ask.pickOrEnter({
        title: l10n.t('Filter by VPC'),
        placeHolder: l10n.t('Show the servers of this VPC'),
        // The VPC list is cached per connection; without the permission to list VPCs, loaded servers still give ids.
        choices: ask.loaded.vpcNames().then((names) => vpcChoices(names, ask.loaded.servers())),
        enter: idEntry(l10n.t('Enter a VPC ID…'), l10n.t('VPC ID'), 'b1f0c0de7f3e4a51a9e1c2d3e4f50001'),
        clearLabel: l10n.t('Any VPC (no filter)'),
      }),
  },
  {
    key: 'server_type_id',
    command: 'scpExplorer.filterByServerType',
    place: SUBMENU,
    prompt: (ask) =>
      ask.pickOrEnter({
        title: l10n.t('Filter by server type'),
        placeHolder: l10n.t('Types of the loaded servers, or enter one'),
        choices: serverTypeChoices(ask.loaded.servers()),
        enter: idEntry(l10n.t('Enter a server type ID…'), l10n.t('server type ID'), 's1v1m2'),
        clearLabel: l10n.t('Any server type (no filter)'),
      }),
  },
  {
    key: 'auto_scaling_group_id',
    command: 'scpExplorer.filterByAutoScalingGroup',
    place: SUBMENU,
    prompt: (ask) =>
      ask.pickOrEnter({
        title: l10n.t('Filter by auto-scaling group'),
        placeHolder: l10n.t('Groups of the loaded servers, or enter an id'),
        choices: autoScalingGroupChoices(ask.loaded.servers()),
        enter: idEntry(l10n.t('Enter an auto-scaling group ID…'), l10n.t('auto-scaling group ID'), '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7081'),
        clearLabel: l10n.t('Any auto-scaling group (no filter)'),
      }),
  },
  { key: 'sort', command: COMMANDS.sort, place: { menu: 'view/title', group: '2_filter' }, prompt: (ask) => ask.sort() },
];

export function filterCommandOf(key: QueryKey): string {
  return (FILTER_COMMANDS.find((row) => row.key === key) as FilterCommand).command;
}
