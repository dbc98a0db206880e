/** The reader thread's bundle, beside the CLI's own (dist/reader.js next to dist/cli.js). */
import { join } from 'node:path';

export const READER_SCRIPT = join(__dirname, 'reader.js');
