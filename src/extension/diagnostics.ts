/**
 * Drifted columns as Problems: on the column's header cell (CSV/TSV) or on line 1 of the file (other formats).
 * A file's diagnostics are replaced by its next comparison. Each diagnostic's column is remembered here (by
 * range and message: VS Code hands back copies of diagnostics, not our objects), so a Problems entry can open
 * its column in the panel.
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { guessDelimiter, splitHeader } from '../core/io/headerCells';
import { formatEvidence } from '../core/suite/format';
import { findingText } from '../core/suite/findingText';
import type { ColumnResult, DriftReport } from '../core/suite/report';

/** The `source` of our diagnostics, as the Problems panel shows it. */
export const SOURCE = 'Drift Inspector';

/** A header line longer than this is not a header anyone reads; reading stops there. */
const HEADER_BYTES = 256 * 1024;

export class DriftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('drift');
  /** Per file (Uri string): each published diagnostic's range, message and column. */
  private readonly columns = new Map<string, { range: vscode.Range; message: string; column: string }[]>();

  async publish(current: vscode.Uri, report: DriftReport): Promise<vscode.Diagnostic[]> {
    // Only delimited text has a header line to point at; other formats get their diagnostics on line 1.
    const hasHeaderLine = report.current.format === 'csv' || report.current.format === 'tsv';
    const cells = hasHeaderLine ? await this.headerCells(current) : [];
    const at = (c: ColumnResult) => {
      const cell = c.currentIndex !== undefined ? cells[c.currentIndex] : undefined;
      return cell ? new vscode.Range(0, cell.start, 0, cell.end) : new vscode.Range(0, 0, 0, 0);
    };
    const columnOf = new Map<vscode.Diagnostic, string>();
    const diagnostic = (c: ColumnResult, message: string, severity: vscode.DiagnosticSeverity, code?: string) => {
      const d = new vscode.Diagnostic(at(c), message, severity);
      d.source = SOURCE;
      d.code = code;
      columnOf.set(d, c.name);
      return d;
    };
    const diagnostics = [
      ...report.columns
        .filter((c) => c.drifted === true)
        .map((c) => diagnostic(c, `Drift in "${c.name}": ${formatEvidence(c)}`, vscode.DiagnosticSeverity.Warning, c.test ?? undefined)),
      // Schema findings of columns present in the current file (a vanished column has no cell to point at).
      ...report.columns
        .filter((c) => c.currentIndex !== undefined)
        .flatMap((c) =>
          c.findings
            .filter((f) => f.kind !== 'only_in_current')
            .map((f) => diagnostic(c, `"${c.name}": ${findingText(f)}`, vscode.DiagnosticSeverity.Information, f.kind)),
        ),
    ];
    this.collection.set(current, diagnostics);
    this.columns.set(
      current.toString(),
      diagnostics.map((d) => ({ range: d.range, message: d.message, column: columnOf.get(d)! })),
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

  /** Reads only the start of the file: data files may be far too large to open as documents or read whole. */
  private async headerCells(uri: vscode.Uri) {
    const file = await open(uri.fsPath, 'r');
    let head: string;
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEADER_BYTES, 0);
      head = decodeHead(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
    const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? '';
    return splitHeader(firstLine, guessDelimiter(firstLine, /\.tsv$/i.test(uri.path)));
  }
}

/** The BOM says how a text file is encoded (UTF-16 files carry one); UTF-8 otherwise. The BOM itself is dropped. */
function decodeHead(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
