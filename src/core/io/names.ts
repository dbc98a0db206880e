/**
 * Column names made usable: trimmed, empty ones `column_N` (1-based position), duplicates `a`, `a_2`, `a_3`; and the
 * list of names that had to change, so the report can say which column is which.
 */

export interface Renamed {
  readonly from: string;
  readonly to: string;
}

/**
 * Names columns one at a time, in file order: JSON Lines discovers its columns row by row, the other readers name a
 * whole header at once (`uniqueNames`). Both give the same names for the same sequence.
 */
export class ColumnNames {
  private readonly used = new Set<string>();
  readonly renamed: Renamed[] = [];

  /** The usable name of the next column, whose name in the file is `raw`. */
  add(raw: string): string {
    const position = this.used.size + 1;
    const trimmed = raw.trim();
    const base = trimmed === '' ? `column_${position}` : trimmed;
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    if (name !== trimmed) this.renamed.push({ from: raw, to: name });
    return name;
  }
}

export function uniqueNames(raw: readonly string[]): string[] {
  const names = new ColumnNames();
  return raw.map((r) => names.add(r));
}

/** `uniqueNames` and the renamings, or no `renamed` at all when none were needed (Table's field is optional). */
export function nameColumns(raw: readonly string[]): { names: string[]; renamed?: Renamed[] } {
  const namer = new ColumnNames();
  const names = raw.map((r) => namer.add(r));
  return namer.renamed.length > 0 ? { names, renamed: namer.renamed } : { names };
}
