/** A typed column's value as the text the data view's grid shows: numbers in full, datetimes as ISO 8601. */
import { isNumericColumn, type Column } from '../io/table';

export function cellText(column: Column, row: number): string | null {
  if (!isNumericColumn(column)) {
    const code = column.codes[row];
    return code < 0 ? null : column.categories[code];
  }
  const v = column.values[row];
  if (Number.isNaN(v)) return null;
  if (column.type === 'numeric') return String(v);
  const date = new Date(v);
  if (Number.isNaN(date.getTime())) return String(v); // beyond what a Date holds (±8.64e15 ms)
  const iso = date.toISOString();
  // Dates (midnight UTC) read better without a time of day.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
