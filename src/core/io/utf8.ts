/** UTF-8 byte ranges as strings, for the readers that work on bytes (csvTokenizer.ts, arrowColumns.ts). */

const decoder = new TextDecoder('utf-8');

/** Bytes [start, end) of UTF-8 as a string (malformed bytes become U+FFFD, as Node's stream decoding did). */
export function utf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 24) {
    // Short ASCII cells (the common case) are quicker to build by hand than through a decoder call.
    let ascii = true;
    for (let k = start; k < end; k++) if (buf[k] >= 0x80) ascii = false;
    if (ascii) {
      if (n === 0) return '';
      if (n === 1) return String.fromCharCode(buf[start]);
      return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
    }
  }
  return decoder.decode(buf.subarray(start, end));
}
