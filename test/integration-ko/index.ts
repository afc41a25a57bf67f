// The mocha runner for the Korean run (runIntegrationTests starts VS Code a second time with the display language
// `ko` and this folder as extensionTestsPath): every out/test/integration-ko/**/*.test.js.
import { runTestsIn } from '../integration/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
