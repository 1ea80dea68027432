/**
 * Writes a large mapped CSV (`Code,Short,Long,Payer note`) to disk in chunks, one distinct code
 * per row (a list that repeats a code is refused), with long descriptors filling it up to the
 * size asked for. Used by the 100 MB tests; the integration suite has its own copy of the idea.
 */
import * as fs from 'fs';

export interface BigFile {
  rows: number;
  firstCode: string;
  lastCode: string;
  /** A row near the end (the tenth from last): its 1-based line and the byte offset of its code cell. */
  nearEnd: { line: number; offset: number };
}

/** Overwrites the code cell of `row` with `9990 `, same length, not a code: the file breaks there. */
export function breakCodeCell(file: string, row: BigFile['nearEnd']): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, '9990 ', row.offset, 'latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/** Every code shape in turn: 00000-99999, HCPCS letters + 4 digits, then 4 digits + T/U/F/M. */
export function* distinctCodes(): Generator<string> {
  for (let n = 0; n < 100_000; n++) yield String(n).padStart(5, '0');
  for (const letter of 'ABCEGHJKLMPQRSTUV') for (let n = 0; n < 10_000; n++) yield `${letter}${String(n).padStart(4, '0')}`;
  for (const suffix of 'TUFM') for (let n = 0; n < 10_000; n++) yield `${String(n).padStart(4, '0')}${suffix}`;
}

const CODE_COUNT = 100_000 + 17 * 10_000 + 4 * 10_000;

export function writeBigMappedCsv(file: string, targetBytes: number): BigFile {
  const header = 'Code,Short,Long,Payer note\n';
  // Descriptor length so that one row per code (or fewer) reaches the target size.
  const rows = Math.min(CODE_COUNT, Math.ceil(targetBytes / 300));
  const perRow = Math.ceil((targetBytes - header.length) / rows);
  const marked = rows - 10;
  let flushed = 0;
  let nearEnd = { line: 0, offset: 0 };
  const fd = fs.openSync(file, 'w');
  let chunk = header;
  let firstCode = '';
  let lastCode = '';
  try {
    let i = 0;
    for (const code of distinctCodes()) {
      if (i === rows) break;
      if (i === marked) nearEnd = { line: i + 2, offset: flushed + chunk.length };
      const start = `${code},TEST CODE ${code},"Long test descriptor of ${code}, `;
      const end = `",Note ${i % 7}\n`;
      chunk += `${start}${'x'.repeat(Math.max(0, perRow - start.length - end.length))}${end}`;
      if (i === 0) firstCode = code;
      lastCode = code;
      i++;
      if (chunk.length > 1 << 20) {
        flushed += fs.writeSync(fd, chunk, null, 'latin1');
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk, null, 'latin1');
  } finally {
    fs.closeSync(fd);
  }
  return { rows, firstCode, lastCode, nearEnd };
}
