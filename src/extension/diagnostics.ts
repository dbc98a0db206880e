/**
 * Drifted columns as Problems: on the column's header cell (CSV/TSV) or on line 1 of the file (Parquet).
 * A file's diagnostics are replaced by its next comparison.
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { guessDelimiter, splitHeader } from '../core/io/headerCells';
import { formatEvidence } from '../core/suite/format';
import type { DriftReport } from '../core/suite/report';

/** A header line longer than this is not a header anyone reads; reading stops there. */
const HEADER_BYTES = 256 * 1024;

export class DriftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('drift');

  async publish(current: vscode.Uri, report: DriftReport): Promise<vscode.Diagnostic[]> {
    const drifted = report.columns.filter((c) => c.drifted === true);
    const cells = report.current.format === 'parquet' ? [] : await this.headerCells(current);
    const diagnostics = drifted.map((c) => {
      const cell = c.currentIndex !== undefined ? cells[c.currentIndex] : undefined;
      const range = cell ? new vscode.Range(0, cell.start, 0, cell.end) : new vscode.Range(0, 0, 0, 0);
      const d = new vscode.Diagnostic(range, `Drift in "${c.name}": ${formatEvidence(c)}`, vscode.DiagnosticSeverity.Warning);
      d.source = 'Drift Inspector';
      d.code = c.test ?? undefined;
      return d;
    });
    this.collection.set(current, diagnostics);
    return diagnostics;
  }

  clear(): void {
    this.collection.clear();
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
      head = new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
    const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? '';
    return splitHeader(firstLine, guessDelimiter(firstLine, /\.tsv$/i.test(uri.path)));
  }
}
