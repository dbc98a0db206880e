/**
 * Drift findings as Problems: on the column's header cell (CSV/TSV) or on line 1 of the file (other formats). A
 * Parquet file's entries also link to the data view at their column: their `code` is a link (Problems shows it
 * after the source) whose target opens the view, where a Parquet file has no text to select.
 * A file's diagnostics are replaced by its next comparison (or suite run). Each diagnostic's column is remembered
 * here (by range and message: VS Code hands back copies of diagnostics, not our objects), so a Problems entry can
 * open its column in the panel.
 */
import * as vscode from 'vscode';
import { formatEvidence } from '../core/suite/format';
import { findingText } from '../core/suite/findingText';
import { modelFindings } from '../core/suite/modelText';
import type { ColumnResult, DriftReport } from '../core/suite/report';
import { dataViewLink } from './dataView/dataViewLinks';
import { hasHeaderLine, readHeaderCells } from './headerCells';

/** The `source` of our diagnostics, as the Problems panel shows it. */
export const SOURCE = 'Drift Inspector';

/** One Problems entry to publish: about a column (on its header cell) or about the whole file (line 1). */
export interface Finding {
  column?: Pick<ColumnResult, 'name' | 'currentIndex'>;
  /** 1-based line for a finding about the file at a line (e.g. a row that could not be read); default line 1. */
  line?: number;
  message: string;
  severity: vscode.DiagnosticSeverity;
  code?: string;
}

export class DriftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('drift');
  /** Per file (Uri string): each published diagnostic's range, message and column. */
  private readonly columns = new Map<string, { range: vscode.Range; message: string; column: string }[]>();

  /**
   * A comparison's drifted columns (Warning), performance drift (Warning, on the target's header cell) and
   * multivariate drift (Warning, line 1), and schema findings (Information).
   */
  async publish(current: vscode.Uri, report: DriftReport): Promise<vscode.Diagnostic[]> {
    const findings: Finding[] = [
      ...modelFindings(report).map((f) => {
        const column = f.column ? report.columns.find((c) => c.name === f.column && c.currentIndex !== undefined) : undefined;
        return { ...(column ? { column } : {}), message: f.message, severity: vscode.DiagnosticSeverity.Warning, code: `${f.kind}_drift` };
      }),
      ...report.columns
        .filter((c) => c.drifted === true)
        .map((c) => ({ column: c, message: `Drift in "${c.name}": ${formatEvidence(c)}`, severity: vscode.DiagnosticSeverity.Warning, code: c.test ?? undefined })),
      // Schema findings of columns present in the current file (a vanished column has no cell to point at).
      ...report.columns
        .filter((c) => c.currentIndex !== undefined)
        .flatMap((c) =>
          c.findings
            .filter((f) => f.kind !== 'only_in_current')
            .map((f) => ({ column: c, message: `"${c.name}": ${findingText(f)}`, severity: vscode.DiagnosticSeverity.Information, code: f.kind })),
        ),
    ];
    return this.publishFindings(current, report.current.format, findings);
  }

  /** Replaces the file's diagnostics with `findings` (the suite's, with their configured severities). */
  async publishFindings(current: vscode.Uri, format: string, findings: Finding[]): Promise<vscode.Diagnostic[]> {
    const cells = hasHeaderLine(format) && findings.some((f) => f.column) ? await readHeaderCells(current) : [];
    const columnOf = new Map<vscode.Diagnostic, string>();
    const diagnostics = findings.map((f) => {
      const cell = f.column?.currentIndex !== undefined ? cells[f.column.currentIndex] : undefined;
      const line = Math.max(0, (f.line ?? 1) - 1);
      const d = new vscode.Diagnostic(cell ? new vscode.Range(0, cell.start, 0, cell.end) : new vscode.Range(line, 0, line, 0), f.message, f.severity);
      d.source = SOURCE;
      d.code = format === 'parquet' ? { value: f.code ?? 'drift', target: dataViewLink(current, f.column?.name) } : f.code;
      if (f.column) columnOf.set(d, f.column.name);
      return d;
    });
    this.collection.set(current, diagnostics);
    this.columns.set(
      current.toString(),
      diagnostics.filter((d) => columnOf.has(d)).map((d) => ({ range: d.range, message: d.message, column: columnOf.get(d)! })),
    );
    return diagnostics;
  }

  /** The column a diagnostic of ours is about (undefined for anyone else's, or one since replaced). */
  columnOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): string | undefined {
    if (diagnostic.source !== SOURCE) return undefined;
    return this.columns.get(uri.toString())?.find((d) => d.message === diagnostic.message && d.range.isEqual(diagnostic.range))?.column;
  }

  /** The column whose header cell is exactly `range` in this file (empty ranges, e.g. Parquet's line 1, never match). */
  columnAtRange(uri: vscode.Uri, range: vscode.Range): string | undefined {
    if (range.isEmpty) return undefined;
    return this.columns.get(uri.toString())?.find((d) => d.range.isEqual(range))?.column;
  }

  clear(): void {
    this.collection.clear();
    this.columns.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
