import type * as vscode from 'vscode';
import type { Explorer } from '../explorer';
import type { Views } from '../views';
import { registerAccessKeyCommands } from './accessKeyCommands';
import { registerConnectCommands } from './connectCommands';
import { registerConsoleLogCommands } from './consoleLogCommands';
import { registerCopyCommands } from './copyCommands';
import { registerDetailsCommands } from './detailsCommands';
import { registerFilterCommands } from '../filters/filterCommands';
import { registerServerActionCommands } from './serverActionCommands';
import { registerFindServerCommands } from './findServerCommands';
import { registerTreeCommands } from './treeCommands';

export function registerCommands(context: vscode.ExtensionContext, explorer: Explorer, views: Views): void {
  const { log, model, filters, credentials } = explorer;
  registerTreeCommands(context, model, log);
  registerFilterCommands(context, log, model, filters);
  registerCopyCommands(context, log, model);
  registerDetailsCommands(context, log, model, views.details);
  registerAccessKeyCommands(context, credentials, log);
  registerServerActionCommands(context, model, log);
  registerConnectCommands(context, log, model);
  registerConsoleLogCommands(context, log, model);
  registerFindServerCommands(context, log, model, views.tree, views.view);
}
