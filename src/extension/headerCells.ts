/**
 * Where each column name sits on line 1 of a CSV/TSV file, read from the first bytes only: data files may be far
 * too large to open as documents or read whole. Problems entries and Test Explorer items point at these cells.
 */
import { open } from 'node:fs/promises';
import type * as vscode from 'vscode';
import { guessDelimiter, splitHeader, type HeaderCell } from '../core/io/headerCells';

/** A header line longer than this is not a header anyone reads; reading stops there. */
const HEADER_BYTES = 256 * 1024;

export type { HeaderCell };

export async function readHeaderCells(uri: vscode.Uri): Promise<HeaderCell[]> {
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

/** Only delimited text has a header line to point at; other formats get line 1. */
export function hasHeaderLine(format: string): boolean {
  return format === 'csv' || format === 'tsv';
}

/** The BOM says how a text file is encoded (UTF-16 files carry one); UTF-8 otherwise. The BOM itself is dropped. */
function decodeHead(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
