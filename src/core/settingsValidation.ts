// settings.json can hold anything whatever the schema says: every value is checked and a usable one chosen.
import * as l10n from '@vscode/l10n';
import { isGroupBy, type GroupBy } from './grouping';
import { ScpError } from './scpError';

export interface ExplorerSettings {
  region: string;
  environment: string;
  endpoint: string;
  apiVersion: string;
  acceptLanguage: string;
  pageSize: number;
  requestTimeoutSeconds: number;
  groupBy: GroupBy;
}

export const DEFAULT_SETTINGS: ExplorerSettings = {
  region: 'kr-west1',
  environment: 'e',
  endpoint: '',
  apiVersion: 'auto',
  acceptLanguage: 'auto',
  pageSize: 50,
  requestTimeoutSeconds: 30,
  groupBy: 'vpcState',
};

const PAGE_SIZE_RANGE = { min: 1, max: 1000 };
const TIMEOUT_RANGE = { min: 1, max: 600 };

export interface CheckedSettings {
  settings: ExplorerSettings;
  problems: string[];
}

type Raw = Partial<Record<keyof ExplorerSettings, unknown>>;

export function checkSettings(raw: Raw): CheckedSettings {
  const problems: string[] = [];
  const text = (key: keyof ExplorerSettings, fallback: string): string => {
    const value = raw[key];
    if (value === undefined || value === null) {
      return fallback;
    }
    if (typeof value !== 'string') {
      problems.push(l10n.t('scpExplorer.{0} must be text (it is {1}); using "{2}".', key, JSON.stringify(value), fallback));
      return fallback;
    }
    return value.trim();
  };
  const whole = (key: keyof ExplorerSettings, range: { min: number; max: number }, fallback: number): number => {
    const value = raw[key];
    if (value === undefined || value === null) {
      return fallback;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      const used = typeof value === 'number' && Number.isFinite(value) ? Math.min(range.max, Math.max(range.min, Math.round(value))) : fallback;
      problems.push(
        l10n.t('scpExplorer.{0} must be a whole number from {1} to {2} (it is {3}); using {4}.', key, range.min, range.max, JSON.stringify(value), used),
      );
      return used;
    }
    return value;
  };

  const apiVersion = text('apiVersion', DEFAULT_SETTINGS.apiVersion);
  const groupBy = text('groupBy', DEFAULT_SETTINGS.groupBy);
  const acceptLanguage = text('acceptLanguage', DEFAULT_SETTINGS.acceptLanguage);
  const settings: ExplorerSettings = {
    region: text('region', DEFAULT_SETTINGS.region),
    environment: text('environment', DEFAULT_SETTINGS.environment),
    endpoint: text('endpoint', DEFAULT_SETTINGS.endpoint),
    apiVersion: apiVersion === 'auto' || /^virtualserver \d+\.\d+$/.test(apiVersion) ? apiVersion : DEFAULT_SETTINGS.apiVersion,
    acceptLanguage: ['auto', 'ko-KR', 'en-US'].includes(acceptLanguage) ? acceptLanguage : DEFAULT_SETTINGS.acceptLanguage,
    pageSize: whole('pageSize', PAGE_SIZE_RANGE, DEFAULT_SETTINGS.pageSize),
    requestTimeoutSeconds: whole('requestTimeoutSeconds', TIMEOUT_RANGE, DEFAULT_SETTINGS.requestTimeoutSeconds),
    groupBy: isGroupBy(groupBy) ? groupBy : DEFAULT_SETTINGS.groupBy,
  };
  if (settings.apiVersion !== apiVersion) {
    problems.push(l10n.t('scpExplorer.apiVersion must be auto or look like "virtualserver 1.3" (it is "{0}"); using "{1}".', apiVersion, settings.apiVersion));
  }
  if (settings.acceptLanguage !== acceptLanguage) {
    problems.push(l10n.t('scpExplorer.acceptLanguage must be auto, ko-KR or en-US (it is "{0}"); using auto.', acceptLanguage));
  }
  if (settings.groupBy !== groupBy) {
    problems.push(l10n.t('scpExplorer.groupBy must be vpcState, stateVpc, vpc, state or none (it is "{0}"); using vpcState.', groupBy));
  }
  return { settings, problems };
}

export function workspaceValueIgnored(key: string): string {
  return l10n.t(
    "This workspace's settings set scpExplorer.{0}, which only your user settings may set: it decides where the access key and the signed requests go. The workspace value is ignored.",
    key,
  );
}

/** Settings that stop the extension from connecting. `reason` may quote a setting's value: the notice does not. */
export function settingsError(reason: string): ScpError {
  return new ScpError(
    'config',
    l10n.t('{0} Fix it in the SCP Server Explorer settings.', reason),
    {},
    l10n.t('The SCP Server Explorer settings need attention: the SCP view says what to fix.'),
  );
}
