/**
 * Where each column's name sits on a CSV/TSV header line, so a diagnostic can underline exactly that cell.
 * Character offsets are UTF-16 code units on line 1 (what editors use), after any BOM.
 */

export interface HeaderCell {
  /** The raw header text (quotes removed, "" unescaped). */
  text: string;
  start: number;
  end: number;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter occurring most often outside quotes; tab for .tsv files. */
export function guessDelimiter(line: string, isTsv: boolean): string {
  if (isTsv) return '\t';
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const count = splitHeader(line, d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function splitHeader(line: string, delimiter: string): HeaderCell[] {
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  const offset = text === line ? 0 : 1;
  const cells: HeaderCell[] = [];
  let start = 0;
  let value = '';
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else if (ch !== undefined) value += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === delimiter || ch === undefined || ch === '\r' || ch === '\n') {
      cells.push({ text: value.trim(), start: start + offset, end: i + offset });
      if (ch !== delimiter) break;
      start = i + 1;
      value = '';
    } else value += ch;
  }
  return cells;
}
