// Identifiers shared with package.json; test/unit/constants.test.ts checks each against the manifest.

export const VIEW_ID = 'scpExplorer.servers';

export const COMMANDS = {
  refresh: 'scpExplorer.refresh',
  loadMore: 'scpExplorer.loadMore',
  loadAll: 'scpExplorer.loadAll',
  retry: 'scpExplorer.retry',
  showLogs: 'scpExplorer.showLogs',
  groupBy: 'scpExplorer.groupBy',
  editFilters: 'scpExplorer.editFilters',
  clearFilters: 'scpExplorer.clearFilters',
  sort: 'scpExplorer.sort',
  filterToVpc: 'scpExplorer.filterToVpc',
  filterToState: 'scpExplorer.filterToState',
  copyId: 'scpExplorer.copyId',
  copyIp: 'scpExplorer.copyIp',
  copyName: 'scpExplorer.copyName',
  copyJson: 'scpExplorer.copyJson',
  copyVpcId: 'scpExplorer.copyVpcId',
  showDetails: 'scpExplorer.showDetails',
  setAccessKey: 'scpExplorer.setAccessKey',
  clearAccessKey: 'scpExplorer.clearAccessKey',
  importAccessKey: 'scpExplorer.importAccessKey',
  startServer: 'scpExplorer.startServer',
  stopServer: 'scpExplorer.stopServer',
  rebootServer: 'scpExplorer.rebootServer',
  hardRebootServer: 'scpExplorer.hardRebootServer',
  lockServer: 'scpExplorer.lockServer',
  unlockServer: 'scpExplorer.unlockServer',
  findServer: 'scpExplorer.findServer',
  openSshTerminal: 'scpExplorer.openSshTerminal',
  copySshCommand: 'scpExplorer.copySshCommand',
  connectRemoteSsh: 'scpExplorer.connectRemoteSsh',
  addToSshConfig: 'scpExplorer.addToSshConfig',
  copyRdpAddress: 'scpExplorer.copyRdpAddress',
  showConsoleLog: 'scpExplorer.showConsoleLog',
  refreshConsoleLog: 'scpExplorer.refreshConsoleLog',
} as const;

export const groupByCommand = (mode: string): string => `${COMMANDS.groupBy}.${mode}`;

export const BUILT_IN_COMMANDS = {
  openSettings: 'workbench.action.openSettings',
  focusView: `${VIEW_ID}.focus`,
  setContext: 'setContext',
} as const;

export const CONTEXT_KEYS = {
  viewState: 'scpExplorer.viewState',
  filtered: 'scpExplorer.filtered',
  remoteSshInstalled: 'scpExplorer.remoteSshInstalled',
} as const;

export const STORAGE_KEYS = {
  accessKey: 'scpExplorer.accessKey',
  filters: 'scpExplorer.filters',
  /** base URL → the last `Scp-Api-Version` that worked there (globalState), for apiVersion `auto`. */
  apiVersions: 'scpExplorer.apiVersionByBaseUrl',
} as const;

export const STATUS_BAR_ID = 'scpExplorer.connection';
