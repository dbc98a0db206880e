/**
 * "Drift: Run Drift Suite" (palette, notebook toolbar, a drift-suite.json's context menu): picks the suite file,
 * runs it under one cancellable progress notification, through the Test Explorer (so its results show there
 * too), and opens the suite overview in the panel beside the active editor or notebook.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SuiteReport } from '../../core/suite/suiteApi';
import { chooseSuiteFile } from './suiteFiles';
import type { SuiteSession } from './suiteSession';
import type { SuiteTests } from './suiteTests';

export const RUN_SUITE_COMMAND = 'driftInspector.runSuite';

export class RunSuiteCommand {
  constructor(
    private readonly session: SuiteSession,
    private readonly tests: SuiteTests,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The suite's report, or undefined when there is no suite, it is invalid, or the run was cancelled. */
  async run(target?: unknown): Promise<SuiteReport | undefined> {
    const uri = await chooseSuiteFile(target instanceof vscode.Uri ? target : undefined);
    if (!uri) {
      void vscode.window.showInformationMessage('Drift Inspector: no drift-suite.json in this workspace. Create one to list the comparisons to run.');
      return undefined;
    }
    await this.session.load(uri); // lists its items, so the run is reported on them
    const root = this.tests.rootOf(uri);
    if (!root) return undefined;
    const outcomes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Drift suite ${path.basename(path.dirname(uri.fsPath))}/${path.basename(uri.fsPath)}`, cancellable: true },
      (progress, token) => this.tests.execute(new vscode.TestRunRequest([root]), token, { progress, showPanel: true }),
    );
    const outcome = outcomes.get(uri.toString());
    switch (outcome?.kind) {
      case 'done': {
        const { report } = outcome;
        if (report.severity === 'error' || report.severity === 'warning') {
          const bad = report.results.filter((r) => r.severity === report.severity).length;
          vscode.window.setStatusBarMessage(`Drift suite: ${bad} comparison(s) at ${report.severity}`, 6000);
        }
        return report;
      }
      case 'invalid': {
        const first = outcome.problems[0];
        // Not awaited: the command resolves while the message is still up.
        void vscode.window
          .showErrorMessage(
            `Drift Inspector: ${path.basename(uri.fsPath)} has ${outcome.problems.length} problem(s), e.g. line ${first.location.line}: ${first.message}`,
            'Show Problems',
          )
          .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
        return undefined;
      }
      case 'unreadable':
        void vscode.window.showErrorMessage(`Drift Inspector: ${outcome.message}`);
        return undefined;
      default:
        this.log.info('suite run cancelled');
        return undefined;
    }
  }
}
