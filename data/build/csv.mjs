// A small RFC 4180 CSV reader: quoted fields, "" escapes, embedded newlines, CRLF or LF
// record ends, a leading BOM. No dependencies.
import { readText } from './text.mjs';

/**
 * Parses CSV text into rows of string fields. A final record end does not start an
 * empty row. Throws on a quote that never closes or on text after a closing quote.
 */
export function parseCsv(text, label = 'csv') {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      // Quoted field.
      i++;
      const startLine = line;
      for (;;) {
        if (i >= n) throw new Error(`${label}:${startLine}: unterminated quoted field`);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      atFieldStart = false;
      const next = text[i];
      if (i < n && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`${label}:${line}: unexpected text after a closing quote`);
      }
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (!atFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** True for a row that is empty or holds only empty fields (a blank line). */
export function isBlankRow(row) {
  return row.every((f) => f === '');
}

/**
 * Reads a CSV file with a header row into objects keyed by header names. Blank rows are
 * skipped; a row whose width differs from the header's is an error.
 * Each object gets a non-enumerable `__line` (1-based record number) for messages.
 */
export function readCsvObjects(path, { encoding = 'utf-8', headerRow = 0 } = {}) {
  const rows = parseCsv(readText(path, encoding), path);
  const header = rows[headerRow];
  if (!header) throw new Error(`${path}: no header row`);
  const out = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlankRow(row)) continue;
    if (row.length !== header.length) {
      throw new Error(`${path}: record ${r + 1} has ${row.length} fields, header has ${header.length}`);
    }
    const obj = {};
    header.forEach((h, k) => {
      obj[h] = row[k];
    });
    Object.defineProperty(obj, '__line', { value: r + 1, enumerable: false });
    out.push(obj);
  }
  return { header, records: out };
}
