/**
 * Words for schema findings, shared by the CLI, the Problems panel and the panel webview (this module
 * imports nothing but types, so the webview bundle can include it).
 */
import type { Finding } from './report';

const percent = (share: number) => `${Number((share * 100).toPrecision(3))}%`;

function listed(values: string[], count: number): string {
  const shown = values.map((v) => `"${v}"`).join(', ');
  return count > values.length ? `${shown} and ${count - values.length} more` : shown;
}

export function findingText(f: Finding): string {
  switch (f.kind) {
    case 'only_in_reference':
      return 'column missing from the current file';
    case 'only_in_current':
      return 'new column, not in the reference';
    case 'type_changed':
      return `type changed from ${f.reference} to ${f.current}`;
    case 'new_categories':
      return `${f.count} new ${f.count === 1 ? 'category' : 'categories'}: ${listed(f.values, f.count)}`;
    case 'vanished_categories':
      return `${f.count} ${f.count === 1 ? 'category' : 'categories'} gone: ${listed(f.values, f.count)}`;
    case 'null_share_changed':
      return `missing values ${percent(f.reference)} → ${percent(f.current)}`;
  }
}
