/**
 * Schema and content findings of a column pair, reported beside (not instead of) the drift verdict:
 * a vanished category or a jump in missing values often matters before any test says "drift".
 */
import type { Column } from '../io/table';
import type { Finding } from './report';
import type { ColumnSamples } from './samples';

/** How many new or vanished category names a finding lists (its count says how many there are). */
const LISTED = 10;

export function findingsOf(ref: Column | undefined, cur: Column | undefined, samples: ColumnSamples | undefined, nullShareChange: number): Finding[] {
  if (!ref) return [{ kind: 'only_in_current' }];
  if (!cur) return [{ kind: 'only_in_reference' }];
  const findings: Finding[] = [];
  if (ref.type !== cur.type) findings.push({ kind: 'type_changed', reference: ref.type, current: cur.type });
  if (samples?.kind === 'categorical') {
    const { categories, reference, current } = samples.pair;
    const onlyIn = (side: Float64Array, other: Float64Array) => categories.filter((_, i) => side[i] > 0 && other[i] === 0);
    const added = onlyIn(current, reference);
    const vanished = onlyIn(reference, current);
    if (added.length > 0) findings.push({ kind: 'new_categories', values: added.slice(0, LISTED), count: added.length });
    if (vanished.length > 0) findings.push({ kind: 'vanished_categories', values: vanished.slice(0, LISTED), count: vanished.length });
  }
  const refShare = nullShare(ref);
  const curShare = nullShare(cur);
  if (Math.abs(curShare - refShare) >= nullShareChange) findings.push({ kind: 'null_share_changed', reference: refShare, current: curShare });
  return findings;
}

function nullShare(column: Column): number {
  const n = 'codes' in column ? column.codes.length : column.values.length;
  return n > 0 ? column.nullCount / n : 0;
}
