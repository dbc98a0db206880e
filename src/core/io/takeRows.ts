/**
 * A table holding only some of another table's rows (e.g. one segment's), columns still typed arrays. Category
 * dictionaries are kept whole: categories no kept row uses count zero, which the tests' pairing drops.
 */
import type { Column, Table } from './table';

export function takeRows(table: Table, rows: Uint32Array): Table {
  const columns = table.columns.map((c) => takeColumnRows(c, rows));
  return { ...table, rows: rows.length, totalRows: rows.length, sample: undefined, columns };
}

export function takeColumnRows(column: Column, rows: Uint32Array): Column {
  if ('values' in column) {
    const values = new Float64Array(rows.length);
    let nulls = 0;
    for (let i = 0; i < rows.length; i++) if (Number.isNaN((values[i] = column.values[rows[i]]))) nulls++;
    return { ...column, values, nullCount: nulls };
  }
  const codes = new Int32Array(rows.length);
  let nulls = 0;
  for (let i = 0; i < rows.length; i++) if ((codes[i] = column.codes[rows[i]]) < 0) nulls++;
  return { ...column, codes, nullCount: nulls };
}
