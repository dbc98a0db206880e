// Writes a Parquet file (snappy, row groups of 2^20 rows) from a stream of parquet-wasm record batches, to a
// .part file renamed into place when complete, so a benchmark interrupted mid-write never leaves a file that looks
// finished. Shared by bench-io.mjs and bench-compare.mjs.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';

const require = createRequire(import.meta.url);

export async function writeParquetStream(path, batches, createdBy) {
  const pw = require('parquet-wasm/node');
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).setMaxRowGroupSize(1 << 20).setCreatedBy(createdBy).build();
  const bytes = await pw.transformParquetStream(batches, props);
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  await bytes.pipeTo(
    Writable.toWeb(
      new Writable({
        write(chunk, _encoding, done) {
          writeSync(fd, chunk);
          done();
        },
      }),
    ),
  );
  closeSync(fd);
  renameSync(tmp, path);
}
