/**
 * The byte-level CSV path (csvTokenizer.ts, decimalBytes.ts, byteCodes.ts) against independent references:
 * papaparse (which the reader used before) on generated well-formed CSV, `Number()` on generated decimals, a Map on
 * generated keys. fast-check with fixed seeds, so every run checks the same cases.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import fc from 'fast-check';
import * as Papa from 'papaparse';
import { ByteCodes, MISS } from '../../src/core/io/byteCodes';
import { csvTuning } from '../../src/core/io/csv';
import { CsvTokenizer, newlineOf, UnclosedField } from '../../src/core/io/csvTokenizer';
import { isoDatetimeFromBytes } from '../../src/core/io/datetimeBytes';
import { decimalFromBytes } from '../../src/core/io/decimalBytes';
import { parseDatetime } from '../../src/core/io/infer';
import { readTable } from '../../src/core/io/read';
import type { Column } from '../../src/core/io/table';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Every record of `text`, parsed in pieces cut at `cuts` (as the reader's chunks cut a file), as string arrays. */
function tokenize(text: string, delimiter: string, cuts: number[] = []): string[][] {
  const all = bytes(text);
  const tokenizer = new CsvTokenizer(delimiter, newlineOf(text));
  const rows: string[][] = [];
  const onRecord = () => {
    const row: string[] = [];
    for (let j = 0; j < tokenizer.count; j++) row.push(tokenizer.text(j));
    rows.push(row);
  };
  // Feed growing prefixes as the reader does: the unfinished record is carried into the next piece.
  let start = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < all.length).sort((a, b) => a - b), all.length]) {
    const piece = all.subarray(start, cut);
    const stop = tokenizer.parse(piece, 0, piece.length, cut === all.length, onRecord);
    start += stop;
  }
  return rows;
}

const cell = fc.oneof(
  fc.constantFrom('', 'a', 'abc', '1', '-2.5', 'x y', 'é', '數據', 'NA'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r\n', ' ', 'ü'), maxLength: 6 }),
);

test('tokenizer: records and fields agree with papaparse on generated well-formed CSV, however the bytes are cut', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(',', ';', '\t', '|'),
      fc.constantFrom('\n', '\r\n'),
      fc.array(fc.nat(400), { maxLength: 6 }),
      (rows, delimiter, newline, cuts) => {
        const width = rows[0].length;
        const rect = rows.map((r) => Array.from({ length: width }, (_, j) => r[j % r.length]));
        // Quote every field that needs it (as any CSV writer does), and a few that do not.
        const quote = (s: string, k: number) =>
          /[",;\t|\r\n]/.test(s) || s === '' || k % 3 === 0 ? `"${s.replace(/"/g, '""')}"` : s;
        const text = rect.map((r, i) => r.map((s, j) => quote(s, i + j)).join(delimiter)).join(newline) + newline;
        const expected = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false }).data.filter(
          (r) => !(r.length === 1 && r[0] === ''),
        );
        const got = tokenize(text, delimiter, cuts).filter((r) => !(r.length === 1 && r[0] === ''));
        assert.deepEqual(got, expected);
        assert.deepEqual(got, rect);
      },
    ),
    { seed: 0xc5b, numRuns: 600 },
  );
});

test('tokenizer: line ends, quotes that do not open a field, text after a closing quote, CR-only files', () => {
  assert.deepEqual(tokenize('a,b\r\n1,2\r\n', ','), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(tokenize('a,b\r1,2\r', ','), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(tokenize('a,b\n1,2', ','), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(tokenize('a,b\nx"y,"p""q"\n', ','), [['a', 'b'], ['x"y', 'p"q']]);
  assert.deepEqual(tokenize('a,b\n"p"q,2\n', ','), [['a', 'b'], ['pq', '2']]);
  assert.deepEqual(tokenize('a\n"1\r\n2"\n', ','), [['a'], ['1\r\n2']]);
  // A lone CR inside an LF file's unquoted field is data.
  assert.deepEqual(tokenize('a,b\nx\ry,2\n', ','), [['a', 'b'], ['x\ry', '2']]);
});

test('tokenizer: lines count line breaks inside quoted fields; an unclosed quote names the line it starts on', () => {
  const text = 'a,b\n"1\n2\r\n3",x\n4,y\n"5,z\n';
  const tokenizer = new CsvTokenizer(',', 'lf');
  const lines: number[] = [];
  const buf = bytes(text);
  assert.throws(
    () => tokenizer.parse(buf, 0, buf.length, true, (_, line) => void lines.push(line)),
    (err: unknown) => err instanceof UnclosedField && err.line === 6,
  );
  assert.deepEqual(lines, [1, 2, 5]);
});

test('decimalFromBytes: the same double as Number() for every plain decimal, NaN for what it leaves to Number()', () => {
  const decimal = fc
    .tuple(fc.constantFrom('', '-', '+'), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 18 }), fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 18 })))
    .map(([sign, int, frac]) => sign + int + (frac === null ? '' : `.${frac}`));
  fc.assert(
    fc.property(decimal, (s) => {
      const got = decimalFromBytes(bytes(s), 0, s.length);
      const digits = s.replace(/[^0-9]/g, '').length;
      if (digits === 0 || digits > 15) assert.ok(Number.isNaN(got), s);
      else assert.ok(Object.is(got, Number(s)), `${s}: ${got} vs ${Number(s)}`);
    }),
    { seed: 0xdec, numRuns: 20000 },
  );
  for (const s of ['1e5', ' 1', '1 ', '0x1f', 'inf', '1.2.3', '--1', '1,5', '']) assert.ok(Number.isNaN(decimalFromBytes(bytes(s), 0, s.length)), s);
  assert.ok(Object.is(decimalFromBytes(bytes('-0'), 0, 2), -0));
  // Doubles that need correct rounding.
  for (const s of ['0.1', '0.3', '2.675', '9007199254740.99', '123456789012345', '0.00000000000001']) {
    assert.ok(Object.is(decimalFromBytes(bytes(s), 0, s.length), Number(s)), s);
  }
});

test('ByteCodes: finds every key it was given and no other, across rehashes, until it is full', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3000 }), (keys) => {
      const cache = new ByteCodes();
      const model = new Map<string, number>();
      for (const k of keys) {
        const b = bytes(k);
        const got = cache.get(b, 0, b.length);
        if (model.has(k)) assert.equal(got, model.get(k));
        else {
          assert.equal(got, MISS);
          model.set(k, model.size - 1); // -1 first: codes may be negative (missing values)
          cache.put(b, 0, b.length, model.get(k)!);
        }
      }
      for (const [k, code] of model) assert.equal(cache.get(bytes(k), 0, bytes(k).length), code);
      cache.clear();
      for (const k of model.keys()) assert.equal(cache.get(bytes(k), 0, bytes(k).length), MISS);
    }),
    { seed: 0xb17e, numRuns: 60 },
  );
  const cache = new ByteCodes();
  for (let i = 0; i < 200_000 && !cache.full; i++) {
    const b = bytes(`k${i}`);
    cache.put(b, 0, b.length, i);
  }
  assert.ok(cache.full, 'gives up on columns of too many distinct cells');
});

function valuesOf(c: Column): unknown[] {
  return 'values' in c ? [...c.values] : [...c.codes].map((k) => (k < 0 ? null : c.categories[k]));
}

test('reader: the same table whatever the chunk size (records cut across chunks, a BOM, CRLF, UTF-16, datetimes from bytes)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-bytes-'));
  const rows = ['\ufeffn,cat,"quoted, text",when'];
  for (let i = 0; i < 3000; i++) rows.push(`${(i * 0.37).toFixed(2)},${['a', 'b', 'ü'][i % 3]},"x ""${i % 7}""\r\nnext",2024-01-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`);
  const text = rows.join('\r\n') + '\r\n';
  const utf8Path = join(dir, 'a.csv');
  writeFileSync(utf8Path, text);
  const utf16Path = join(dir, 'b.csv');
  writeFileSync(utf16Path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1), 'utf16le')]));
  const saved = csvTuning.chunkBytes;
  try {
    const tables = [];
    for (const chunk of [7, 64, 1000, 1 << 20]) {
      csvTuning.chunkBytes = chunk;
      tables.push(await readTable(utf8Path), await readTable(utf16Path));
    }
    const [first, ...rest] = tables;
    assert.deepEqual(first.columns.map((c) => [c.name, c.type]), [['n', 'numeric'], ['cat', 'categorical'], ['quoted, text', 'categorical'], ['when', 'datetime']]);
    assert.deepEqual(valuesOf(first.columns[2]).slice(0, 2), ['x "0"\r\nnext', 'x "1"\r\nnext']);
    assert.equal(first.rows, 3000);
    // Distinct datetimes: the column leaves the dictionary early and later cells are read from their bytes.
    const when = first.columns[3];
    assert.ok('values' in when);
    for (const i of [0, 1, 1000, 2999]) {
      const text = `2024-01-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
      assert.equal(when.values[i], Date.parse(text), text);
    }
    for (const t of rest) assert.deepEqual(t.columns.map(valuesOf), first.columns.map(valuesOf));
  } finally {
    csvTuning.chunkBytes = saved;
  }
});

test('isoDatetimeFromBytes: parseDatetime\'s value for every ISO form it reads, NaN (the general path) for the rest', () => {
  const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((v) => String(v).padStart(2, '0'));
  const iso = fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, '0')),
      two(0, 13),
      two(0, 32),
      fc.constantFrom('', 'T', 't', ' ', 'x'),
      two(0, 24),
      two(0, 60),
      fc.option(two(0, 60)),
      fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 11 })),
      fc.constantFrom('', 'Z', 'z', '+02:00', '-0530', '+01', '+2', ' ', '+24:00', '-01:61'),
    )
    .map(([y, mo, d, sep, h, mi, sec, frac, zone]) => {
      if (sep === '') return `${y}-${mo}-${d}`;
      let s = `${y}-${mo}-${d}${sep}${h}:${mi}`;
      if (sec !== null) s += `:${sec}${frac !== null ? `.${frac}` : ''}`;
      return s + zone;
    });
  const cell = fc.oneof({ weight: 8, arbitrary: iso }, { weight: 1, arbitrary: fc.string({ maxLength: 24 }) });
  let read = 0;
  fc.assert(
    fc.property(cell, (text) => {
      const b = bytes(`,${text},`); // the field inside a record: nothing past its end may be read
      const got = isoDatetimeFromBytes(b, 1, b.length - 1);
      const expected = parseDatetime(text);
      if (Number.isNaN(got)) {
        // Declined: only forms the general path must judge (spaces around, or not a datetime at all).
        assert.ok(expected === undefined || text.trim() !== text, `${text}: declined but parseDatetime reads ${expected}`);
      } else {
        read++;
        assert.equal(got, expected, text);
      }
    }),
    { seed: 0x150, numRuns: 20000 },
  );
  assert.ok(read > 4000, `exercised the byte path ${read} times`);
});
