/**
 * Messages from the webview are untrusted input: every FromWebview shape is accepted, anything else refused with
 * the reason (unknown types, wrong field types, unknown tests and roles, prototype keys, non-objects).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fc from 'fast-check';
import { checkFromDataView, checkFromWebview } from '../../src/protocolGuards';
import type { FromDataView, FromWebview } from '../../src/protocol';

const valid: FromWebview[] = [
  { type: 'ready' },
  { type: 'ready', shown: '2026-12-01T00:00:00Z' },
  { type: 'rendered', columns: 3, charts: 1, driftedColumns: ['a'] },
  { type: 'rendered', columns: 3, charts: 1, driftedColumns: [], modelSections: ['performance', 'overTime'] },
  { type: 'selected', column: 'age' },
  { type: 'selected', column: null },
  { type: 'open', path: '/data/a.csv' },
  { type: 'swap' },
  { type: 'rerun' },
  { type: 'export', format: 'html', themeCss: '--x: 1', bodyClass: 'vscode-dark' },
  { type: 'columnTests', column: 'age' },
  { type: 'setColumnTest', column: 'age', test: 'psi', threshold: 0.2 },
  { type: 'setColumnTest', column: 'age', test: null, threshold: null },
  { type: 'setRole', column: 'label', role: 'target' },
  { type: 'setRole', column: 'label', role: null },
  { type: 'openComparison', id: '0:/data/b.csv' },
  { type: 'backToSuite' },
];

test('every message shape the webview sends is accepted as it is', () => {
  for (const m of valid) assert.deepEqual(checkFromWebview(m), { message: m }, JSON.stringify(m));
});

test('anything else is refused, saying why', () => {
  const refused: [unknown, RegExp][] = [
    [null, /not an object/],
    ['swap', /not an object/],
    [[{ type: 'swap' }], /not an object/],
    [{}, /unknown message type undefined/],
    [{ type: 'eval', code: 'x' }, /unknown message type "eval"/],
    [{ type: 'toString' }, /unknown message type "toString"/],
    [{ type: '__proto__' }, /unknown message type "__proto__"/],
    [{ type: 'open', path: 42 }, /open: "path" must be a string/],
    [{ type: 'export', format: 'exe', themeCss: '', bodyClass: '' }, /export: "format" must be one of "json", "html"/],
    [{ type: 'setColumnTest', column: 'a', test: 'rm -rf', threshold: null }, /"test" must be one of/],
    [{ type: 'setColumnTest', column: 'a', test: 'ks', threshold: 'NaN' }, /"threshold" must be a number/],
    [{ type: 'setColumnTest', column: 'a', test: 'ks', threshold: Infinity }, /"threshold" must be a number/],
    [{ type: 'setRole', column: 'a', role: 'admin' }, /"role" must be one of/],
    [{ type: 'setRole', column: { toString: null }, role: 'id' }, /"column" must be a string/],
    [{ type: 'rendered', columns: 1, charts: 1, driftedColumns: [1] }, /"driftedColumns" must be a list of strings/],
    [{ type: 'selected' }, /"column" must be a string/],
  ];
  for (const [raw, why] of refused) {
    const r = checkFromWebview(raw);
    assert.ok('problem' in r, JSON.stringify(raw));
    assert.match(r.problem, why);
  }
});

test('arbitrary values never throw and are accepted only in a known shape', () => {
  const types = valid.map((m) => m.type);
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom(...types) }, { requiredKeys: ['type'] }), fc.dictionary(fc.string(), fc.anything())), (raw) => {
      const r = checkFromWebview(raw);
      if ('message' in r) assert.ok(types.includes(r.message.type));
      return true;
    }),
    { numRuns: 2000, seed: 7 },
  );
});

// ── the data view's messages ─────────────────────────────────────────────────────────────────────────────────

const validDataView: FromDataView[] = [
  { type: 'ready' },
  { type: 'rendered', columns: 5, summaries: 2, previewRows: 1000, drifted: ['age'], failed: null },
  { type: 'rendered', columns: 0, summaries: 0, previewRows: 0, drifted: [], failed: 'x.parquet: it is corrupt' },
  { type: 'focused', column: 'age' },
  { type: 'showInPanel', column: 'age' },
];

test('data view: every message shape it sends is accepted as it is', () => {
  for (const m of validDataView) assert.deepEqual(checkFromDataView(m), { message: m }, JSON.stringify(m));
});

test('data view: anything else is refused, saying why (the drift panel\'s messages too)', () => {
  const refused: [unknown, RegExp][] = [
    [undefined, /not an object/],
    [{ type: 'swap' }, /unknown message type "swap"/],
    [{ type: 'open', path: '/etc/passwd' }, /unknown message type "open"/],
    [{ type: 'showInPanel' }, /showInPanel: "column" must be a string/],
    [{ type: 'showInPanel', column: ['a'] }, /"column" must be a string/],
    [{ type: 'focused', column: 1 }, /focused: "column" must be a string/],
    [{ type: 'rendered', columns: 1, summaries: 1, previewRows: 1, drifted: [], failed: 3 }, /"failed" must be a string/],
    [{ type: 'rendered', columns: '1', summaries: 1, previewRows: 1, drifted: [], failed: null }, /"columns" must be a number/],
    [{ type: 'hasOwnProperty' }, /unknown message type "hasOwnProperty"/],
  ];
  for (const [raw, why] of refused) {
    const r = checkFromDataView(raw);
    assert.ok('problem' in r, JSON.stringify(raw));
    assert.match(r.problem, why);
  }
  // And the data view's messages are not the panel's.
  assert.ok('problem' in checkFromWebview({ type: 'showInPanel', column: 'a' }));
});

test('data view: arbitrary values never throw and are accepted only in a known shape', () => {
  const types = validDataView.map((m) => m.type);
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom(...types) }, { requiredKeys: ['type'] }), fc.dictionary(fc.string(), fc.anything())), (raw) => {
      const r = checkFromDataView(raw);
      if ('message' in r) assert.ok(types.includes(r.message.type));
      return true;
    }),
    { numRuns: 2000, seed: 11 },
  );
});
