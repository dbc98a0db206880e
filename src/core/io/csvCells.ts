/**
 * Writes CSV fields into a column builder, reading from the field's bytes where that is safe and quicker than a
 * string: a plain decimal into a column that already holds numbers (decimalBytes.ts), an ISO 8601 datetime into one
 * that holds datetimes (datetimeBytes.ts), a repeated cell of a column
 * still held as a dictionary by its cached code (byteCodes.ts). Everything else — first sightings, escaped quotes,
 * forced types — goes through the builder's `set(slot, text)`, which stays the one place that decides types.
 */
import { ByteCodes, MISS } from './byteCodes';
import type { FieldView } from './csvTokenizer';
import { isoDatetimeFromBytes } from './datetimeBytes';
import { decimalFromBytes } from './decimalBytes';
import type { CellBuilder } from './forced';
import { ColumnBuilder } from './infer';

export class CsvCells {
  /** The builder when it is an inferring/dictionary `ColumnBuilder`, which has the byte-level entry points. */
  private readonly fast: ColumnBuilder | undefined;
  private readonly cache = new ByteCodes();
  /** The builder's dictionary the cache's codes belong to. */
  private cacheVersion = -1;

  constructor(readonly builder: CellBuilder) {
    this.fast = builder instanceof ColumnBuilder ? builder : undefined;
  }

  set(slot: number, fields: FieldView, j: number): void {
    const b = this.fast;
    if (b !== undefined && fields.flags[j] !== 2) {
      const buf = fields.buf;
      const start = fields.starts[j];
      const end = fields.ends[j];
      if (b.takesNumbers) {
        const v = decimalFromBytes(buf, start, end);
        if (v === v) {
          b.setNumber(slot, v);
          return;
        }
      } else if (b.takesIsoDatetimes) {
        const t = isoDatetimeFromBytes(buf, start, end);
        if (t === t) {
          b.setNumber(slot, t);
          return;
        }
      } else {
        const version = b.dictionaryVersion;
        if (version >= 0) {
          if (version !== this.cacheVersion) {
            this.cache.clear();
            this.cacheVersion = version;
          }
          if (!this.cache.full) {
            const code = this.cache.get(buf, start, end);
            if (code !== MISS) {
              b.setCode(slot, code);
              return;
            }
            b.set(slot, fields.text(j));
            if (b.dictionaryVersion === version) this.cache.put(buf, start, end, b.codeAt(slot));
            return;
          }
        }
      }
    }
    this.builder.set(slot, fields.text(j));
  }
}
