// Writes a large CSV (three numeric columns, millions of rows) for the e2e cancel step: reading it takes several
// seconds, so a comparison is still running when the test clicks Cancel (30 M rows, ~670 MB a file: the byte-level
// reader reads a pair of 12 M-row files in about 2.5 s, too soon for the test's pause before clicking). Only the reading time matters, so one
// seeded block of rows is generated and written over and over (fast: ~100 MB in well under a second). The caller
// puts it in a temp dir — never into the repository.
// Usage: node test/e2e/big-csv.mjs OUT.csv [ROWS]   (also importable: writeBigCsv(path, rows, seed))
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 as prng } from '../support/prng.mjs';

export const BIG_ROWS = 30_000_000;
const BLOCK_ROWS = 50_000;

/** Writes `rows` rows of x,y,z to `path` (synchronously); returns the file size in bytes. */
export function writeBigCsv(path, rows = BIG_ROWS, seed = 1) {
  const rand = prng(seed);
  const lines = [];
  for (let i = 0; i < Math.min(rows, BLOCK_ROWS); i++) {
    lines.push(`${(rand() * 100).toFixed(3)},${Math.round(rand() * 1e6)},${(rand() * 2 - 1).toFixed(5)}\n`);
  }
  const block = Buffer.from(lines.join(''));
  const fd = openSync(path, 'w');
  let size = writeSync(fd, 'x,y,z\n');
  try {
    for (let left = rows; left > 0; left -= BLOCK_ROWS) {
      size += writeSync(fd, left >= BLOCK_ROWS ? block : Buffer.from(lines.slice(0, left).join('')));
    }
  } finally {
    closeSync(fd);
  }
  return size;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [path, rows] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node test/e2e/big-csv.mjs OUT.csv [ROWS]');
    process.exit(2);
  }
  const t = Date.now();
  const size = writeBigCsv(resolve(path), rows ? Number(rows) : BIG_ROWS);
  console.log(`wrote ${path} (${(size / 1e6).toFixed(0)} MB) in ${Date.now() - t} ms`);
}
