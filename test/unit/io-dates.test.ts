/**
 * Date forms of CSV inference besides ISO 8601 (dates.ts, infer.ts): YYYY/MM/DD, DD.MM.YYYY, and slash dates
 * MM/DD/YYYY or DD/MM/YYYY decided per column, each optionally with ` HH:MM[:SS]`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DATE_DMY, DATE_DMY_DOT, DATE_MDY, DATE_YMD, dateForms, parseDateForm } from '../../src/core/io/dates';
import { tuning } from '../../src/core/io/infer';
import { readTable } from '../../src/core/io/read';
import { isNumericColumn, type Column, type Table } from '../../src/core/io/table';

const tmp = mkdtempSync(join(tmpdir(), 'drift-io-dates-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

let files = 0;
async function readCsv(text: string): Promise<Table> {
  const path = join(tmp, `t${files++}.csv`);
  writeFileSync(path, text);
  return readTable(path);
}

function col(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name === name);
  assert.ok(c, `no column ${name}`);
  return c;
}

/** The column's values as ISO strings (null for missing); fails unless it is a datetime column. */
function isoValues(t: Table, name: string): (string | null)[] {
  const c = col(t, name);
  assert.equal(c.type, 'datetime', `${name} is ${c.type}`);
  assert.ok(isNumericColumn(c));
  return Array.from(c.values, (v) => (Number.isNaN(v) ? null : new Date(v).toISOString()));
}

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);

test('dateForms: each form, with and without a time', () => {
  const out = new Float64Array(4);
  assert.equal(dateForms('2024/03/07', out), DATE_YMD);
  assert.equal(out[0], utc(2024, 3, 7));
  assert.equal(dateForms('2024/3/7 08:05', out), DATE_YMD);
  assert.equal(out[0], utc(2024, 3, 7, 8, 5));
  assert.equal(dateForms('07.03.2024', out), DATE_DMY_DOT);
  assert.equal(out[1], utc(2024, 3, 7));
  assert.equal(dateForms('7.3.2024 23:59:58', out), DATE_DMY_DOT);
  assert.equal(out[1], utc(2024, 3, 7, 23, 59, 58));
  assert.equal(dateForms('03/07/2024', out), DATE_MDY | DATE_DMY);
  assert.equal(out[2], utc(2024, 3, 7));
  assert.equal(out[3], utc(2024, 7, 3));
  assert.equal(dateForms('13/07/2024 12:00', out), DATE_DMY);
  assert.equal(out[3], utc(2024, 7, 13, 12));
  assert.equal(dateForms('07/13/2024', out), DATE_MDY);
  assert.equal(out[2], utc(2024, 7, 13));
  assert.equal(dateForms(' 2024/03/07 ', out), DATE_YMD, 'surrounding whitespace');
  assert.equal(parseDateForm('02/29/2024', DATE_MDY), utc(2024, 2, 29));
  assert.equal(parseDateForm('02/29/2024', DATE_DMY), undefined);
});

test('dateForms: rejects what is not a valid date in one of the forms', () => {
  const out = new Float64Array(4);
  for (const s of [
    '02/30/2024', // no February 30th either way
    '31.04.2024', // no April 31st
    '2023/02/29', // not a leap year
    '13/13/2024',
    '12/5',
    '2024',
    '12.5',
    '1.2.3',
    '12/05/24', // 2-digit year
    '2024.03.07', // dots are day-first only
    '07/03/2024T10:00',
    '07/03/2024 24:00',
    '07/03/2024 10:60',
    '07/03/2024 10:00:',
    '07/03/2024 10',
    '07-03-2024',
    '2024/003/07',
    'a2024/03/07',
    '2024/03/07x',
  ]) {
    assert.equal(dateForms(s, out), 0, s);
  }
});

test('CSV: YYYY/MM/DD and DD.MM.YYYY columns are datetimes', async () => {
  const t = await readCsv('ymd,dot,ymdt\n2024/01/31,31.01.2024,2024/01/31 10:30\n1999/12/01,01.12.1999,1999/12/01 00:00:59\n,NA,\n');
  assert.deepEqual(isoValues(t, 'ymd'), ['2024-01-31T00:00:00.000Z', '1999-12-01T00:00:00.000Z', null]);
  assert.deepEqual(isoValues(t, 'dot'), ['2024-01-31T00:00:00.000Z', '1999-12-01T00:00:00.000Z', null]);
  assert.deepEqual(isoValues(t, 'ymdt'), ['2024-01-31T10:30:00.000Z', '1999-12-01T00:00:59.000Z', null]);
});

test('CSV: slash dates are month-first unless some first field exceeds 12 (decided per column)', async () => {
  const t = await readCsv(
    'us,eu,ambiguous,timed\n' +
      '01/02/2024,01/02/2024,01/02/2024,01/02/2024 09:15\n' +
      '12/31/2023,31/12/2023,12/11/2023,12/31/2023 18:00:30\n' +
      '3/4/2024,13/4/2024,3/4/2024,\n',
  );
  assert.deepEqual(isoValues(t, 'us'), ['2024-01-02T00:00:00.000Z', '2023-12-31T00:00:00.000Z', '2024-03-04T00:00:00.000Z']);
  assert.deepEqual(isoValues(t, 'eu'), ['2024-02-01T00:00:00.000Z', '2023-12-31T00:00:00.000Z', '2024-04-13T00:00:00.000Z']);
  // Every value reads both ways: month-first, as pandas does by default.
  assert.deepEqual(isoValues(t, 'ambiguous'), ['2024-01-02T00:00:00.000Z', '2023-12-11T00:00:00.000Z', '2024-03-04T00:00:00.000Z']);
  assert.deepEqual(isoValues(t, 'timed'), ['2024-01-02T09:15:00.000Z', '2023-12-31T18:00:30.000Z', null]);
});

test('CSV: a column is datetime only if all its values read under one form', async () => {
  const t = await readCsv(
    'invalid,mixed_slash,mixed_forms,iso_and_slash,with_word\n' +
      '02/28/2024,12/31/2023,2024/01/02,2024-01-02,01/02/2024\n' +
      '02/30/2024,31/12/2023,02.01.2024,01/02/2024,soon\n' +
      '03/01/2024,12/30/2023,2024/01/03,2024-01-03,01/03/2024\n',
  );
  // 02/30/2024 is no date (and month-first is the only reading of 02/30): the column stays text.
  assert.equal(col(t, 'invalid').type, 'categorical');
  // 12/31/2023 is month-first only, 31/12/2023 day-first only: no one form reads both.
  assert.equal(col(t, 'mixed_slash').type, 'categorical');
  assert.equal(col(t, 'mixed_forms').type, 'categorical');
  assert.equal(col(t, 'iso_and_slash').type, 'categorical');
  assert.equal(col(t, 'with_word').type, 'categorical');
});

test('CSV: numbers and number-like text are not read as dates', async () => {
  const t = await readCsv('year,frac,dec,ratio\n2024,12/5,12.5,1/2\n2023,1/31,3.05,3/4\n1999,12/31,31.12,5/6\n');
  assert.equal(col(t, 'year').type, 'numeric');
  assert.equal(col(t, 'dec').type, 'numeric');
  assert.equal(col(t, 'frac').type, 'categorical');
  assert.equal(col(t, 'ratio').type, 'categorical');
});

test('CSV: ISO 8601 columns are unchanged', async () => {
  const t = await readCsv('d\n2024-01-02\n2024-01-03T04:05:06Z\n');
  assert.deepEqual(isoValues(t, 'd'), ['2024-01-02T00:00:00.000Z', '2024-01-03T04:05:06.000Z']);
});

test('CSV: many distinct slash dates (Float64Array mode) still decide day-first from a late value', async () => {
  const saved = tuning.dictionaryLimit;
  tuning.dictionaryLimit = 8;
  try {
    const lines = ['d,dot'];
    const day = (k: number) => new Date(utc(2020, 1, 1) + k * 86_400_000);
    const mdy = (k: number) => `${day(k).getUTCMonth() + 1}/${day(k).getUTCDate()}/${day(k).getUTCFullYear()}`;
    const dmy = (k: number) => `${day(k).getUTCDate()}/${day(k).getUTCMonth() + 1}/${day(k).getUTCFullYear()}`;
    // Days 1..12 of each month read both ways; month-first is assumed until day 13 arrives.
    const ks: number[] = [];
    for (let m = 0; m < 3; m++) for (let d = 0; d < 12; d++) ks.push(m * 31 + d);
    ks.push(12); // 2020-01-13: first field 13 only reads day-first
    for (const k of ks) lines.push(`${dmy(k)},${day(k).getUTCDate()}.${day(k).getUTCMonth() + 1}.${day(k).getUTCFullYear()}`);
    const t = await readCsv(lines.join('\n') + '\n');
    const want = ks.map((k) => day(k).toISOString());
    assert.deepEqual(isoValues(t, 'd'), want);
    assert.deepEqual(isoValues(t, 'dot'), want);

    // The same dates month-first: no value forces day-first.
    const t2 = await readCsv(['d', ...ks.map(mdy)].join('\n') + '\n');
    assert.deepEqual(isoValues(t2, 'd'), want);
  } finally {
    tuning.dictionaryLimit = saved;
  }
});
