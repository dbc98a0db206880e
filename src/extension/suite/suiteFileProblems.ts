/**
 * Problems with a suite file itself (not valid JSON, an unknown test id, a reference that does not exist, a glob
 * that matches nothing) as Error diagnostics at their place in drift-suite.json. Any of them stops a run.
 */
import * as vscode from 'vscode';
import type { SuiteFile, SuiteLocation, SuiteProblem } from '../../core/suite/suiteApi';
import { SOURCE } from '../diagnostics';

export class SuiteFileProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('drift-suite');

  /** Replaces the suite file's diagnostics; returns how many there are. */
  publish(file: SuiteFile, problems: SuiteProblem[]): number {
    const uri = vscode.Uri.file(file.path);
    this.collection.set(
      uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(rangeOf(file.text, p.location), p.message, vscode.DiagnosticSeverity.Error);
        d.source = SOURCE;
        return d;
      }),
    );
    return problems.length;
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** The editor range of a location (its offset and length in the file's text). */
export function rangeOf(text: string, location: SuiteLocation): vscode.Range {
  return new vscode.Range(positionAt(text, location.offset), positionAt(text, location.offset + location.length));
}

function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  // A CR before the LF belongs to the line break, not to the line.
  return new vscode.Position(line, Math.max(0, end - lineStart));
}
