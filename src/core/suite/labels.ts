/**
 * Class labels shared by the target and prediction columns of both files, so that code i means the same class
 * everywhere: categories are matched by their text, numbers by their value (1 and 1.0 are one class).
 */
import { isNumericColumn, type Column } from '../io/table';

export class LabelDictionary {
  readonly labels: string[] = [];
  private readonly byText = new Map<string, number>();

  id(label: string): number {
    let k = this.byText.get(label);
    if (k === undefined) {
      k = this.labels.length;
      this.labels.push(label);
      this.byText.set(label, k);
    }
    return k;
  }

  /** Each row's label id, -1 where the value is missing. */
  codesOf(column: Column): Int32Array {
    if (isNumericColumn(column)) {
      const byValue = new Map<number, number>();
      return Int32Array.from(column.values, (v) => {
        if (!Number.isFinite(v)) return -1;
        let k = byValue.get(v);
        if (k === undefined) byValue.set(v, (k = this.id(String(v))));
        return k;
      });
    }
    const ids = column.categories.map((c) => this.id(c));
    return Int32Array.from(column.codes, (c) => (c < 0 ? -1 : ids[c]));
  }

  /**
   * Labels in sklearn's order (np.unique: numeric when every label is a number, else by code point) and, per id,
   * its position in that order.
   */
  sorted(): { labels: string[]; rank: Int32Array } {
    const numeric = this.labels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
    const order = this.labels.map((_, i) => i);
    order.sort((a, b) => {
      if (numeric) return Number(this.labels[a]) - Number(this.labels[b]);
      const x = this.labels[a];
      const y = this.labels[b];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    return { labels: order.map((i) => this.labels[i]), rank };
  }
}
