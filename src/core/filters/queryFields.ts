import * as l10n from '@vscode/l10n';
import type { Result } from '../result';
import { DEFAULT_SORT, PRODUCT_OFFERINGS } from '../serverModel';
import { checkId, checkIpFilter, checkOfferings, checkProductCategory, checkSort, checkText } from './filterInput';

interface FieldBase {
  key: string;
  parameter: string;
  label: () => string;
  shortLabel: () => string;
  /** False for the sort: it hides nothing, so it is no filter and Clear Filters keeps it. */
  narrows: boolean;
  shown: 'value' | 'vpcName' | 'sortTerms';
  /** What SCP does while the parameter is not sent, when that is worth saying. */
  apiDefault?: string;
}

interface OneValueField extends FieldBase {
  values: 'one';
  check: (text: string) => Result<string | undefined>;
}

interface ManyValuesField extends FieldBase {
  values: 'many';
  /** Known values in the API's order: a choice is stored and sent in this order, unknown values after. */
  known: readonly string[];
  check: (values: readonly string[]) => Result<string[]>;
}

export type QueryField = OneValueField | ManyValuesField;

/** Every parameter of `GET /v1/servers` the user chooses (paging aside), in the order they are shown. */
export const QUERY_FIELDS = [
  {
    key: 'name',
    parameter: 'name',
    values: 'one',
    narrows: true,
    shown: 'value',
    label: () => l10n.t('Name'),
    shortLabel: () => l10n.t({ message: 'name', comment: ['filter label before ": value"'] }),
    check: checkText,
  },
  {
    key: 'ip',
    parameter: 'ip',
    values: 'one',
    narrows: true,
    shown: 'value',
    label: () => l10n.t('IP address'),
    shortLabel: () => l10n.t({ message: 'ip', comment: ['filter label before ": value"'] }),
    check: checkIpFilter,
  },
  {
    key: 'state',
    parameter: 'state',
    values: 'one',
    narrows: true,
    shown: 'value',
    label: () => l10n.t('State'),
    shortLabel: () => l10n.t({ message: 'state', comment: ['filter label before ": value"'] }),
    check: checkText,
  },
  {
    key: 'product_category',
    parameter: 'product_category',
    values: 'one',
    narrows: true,
    shown: 'value',
    label: () => l10n.t('Product category'),
    shortLabel: () => l10n.t({ message: 'category', comment: ['filter label before ": value"'] }),
    check: checkProductCategory,
  },
  {
    key: 'product_offering',
    parameter: 'product_offering',
    values: 'many',
    known: PRODUCT_OFFERINGS,
    narrows: true,
    shown: 'value',
    label: () => l10n.t('Product offering'),
    shortLabel: () => l10n.t({ message: 'offering', comment: ['filter label before ": value"'] }),
    check: checkOfferings,
  },
  {
    key: 'vpc_id',
    parameter: 'vpc_id',
    values: 'one',
    narrows: true,
    shown: 'vpcName',
    label: () => 'VPC',
    shortLabel: () => l10n.t({ message: 'vpc', comment: ['filter label before ": value"'] }),
    check: (text: string) => checkId(text, l10n.t('VPC ID')),
  },
  {
    key: 'server_type_id',
    parameter: 'server_type_id',
    values: 'one',
    narrows: true,
    shown: 'value',
    label: () => l10n.t('Server type'),
    shortLabel: () => l10n.t({ message: 'type', comment: ['filter label before ": value"'] }),
    check: (text: string) => checkId(text, l10n.t('server type ID')),
  },
  {
    key: 'auto_scaling_group_id',
    parameter: 'auto_scaling_group_id',
    values: 'one',
    narrows: true,
    shown: 'value',
    label: () => l10n.t('Auto-scaling group'),
    shortLabel: () => l10n.t({ message: 'asg', comment: ['filter label before ": value"'] }),
    check: (text: string) => checkId(text, l10n.t('auto-scaling group ID')),
  },
  {
    key: 'sort',
    parameter: 'sort',
    values: 'one',
    narrows: false,
    shown: 'sortTerms',
    apiDefault: DEFAULT_SORT,
    label: () => l10n.t('Sort'),
    shortLabel: () => l10n.t({ message: 'sort', comment: ['filter label before ": value"'] }),
    check: checkSort,
  },
] as const satisfies readonly QueryField[];

type Row = (typeof QUERY_FIELDS)[number];
export type QueryKey = Row['key'];
export type OneValueKey = Extract<Row, { values: 'one' }>['key'];
export type ManyValuesKey = Extract<Row, { values: 'many' }>['key'];

export type ServerFilters = { [R in Row as R['key']]?: R['values'] extends 'many' ? string[] : string };

export function queryField(key: OneValueKey): OneValueField;
export function queryField(key: ManyValuesKey): ManyValuesField;
export function queryField(key: QueryKey): QueryField;
export function queryField(key: QueryKey): QueryField {
  return QUERY_FIELDS.find((field) => field.key === key) as QueryField;
}
