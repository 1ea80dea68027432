/**
 * Bytes in, text out, with the checks every importer needs first: not empty, not a binary
 * or spreadsheet file, not UTF-16 without a byte-order mark, no replacement characters left
 * by an earlier wrong conversion. Decoding is `src/core/text/decode.ts` (UTF-8, UTF-16 with a
 * BOM, else cp1252 as CMS files are written).
 */
import { decodeText, Encoding } from '../text/decode';
import { ImportError, lineAt } from './errors';

export interface DecodedInput {
  file: string;
  text: string;
  encoding: Encoding;
  bytes: number;
}

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** Names the container a file is, when it is one CPT Lens cannot read as text. */
function container(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'an Excel workbook (.xlsx) or a zip archive, which CPT Lens does not read. Use the CSV or text file of the same release ' +
      '(CMS publishes HCPCS Level II as HCPC<year>_<month>_ANWEB .csv and .txt; in Excel: File > Save As > CSV UTF-8), ' +
      'or unzip the archive and name the file inside it';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an Excel 97-2003 workbook (.xls), which CPT Lens does not read. Save the sheet as CSV (UTF-8) and name that file';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document, not a data file. CMS and AMA publish the same data as CSV or text files';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip archive. Unpack it and name the file inside it';
  return undefined;
}

/** Line (1-based) of a byte offset, counting LF bytes. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

export function decodeInput(bytes: Uint8Array, file: string): DecodedInput {
  if (bytes.length === 0) throw new ImportError(file, 1, 'the file is empty');
  const kind = container(bytes);
  if (kind) throw new ImportError(file, 1, `binary file: ${kind}`);
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom16) {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      // Text saved as UTF-16 without a byte-order mark has a NUL in every other byte.
      let alternating = 0;
      const n = Math.min(bytes.length, 512);
      for (let i = 0; i < n; i++) if (bytes[i] === 0) alternating++;
      if (n >= 8 && alternating >= n / 2 - 2) {
        throw new ImportError(file, 1, 'wrong encoding: UTF-16 text without a byte-order mark. Save the file as UTF-8');
      }
      throw new ImportError(file, lineOfByte(bytes, nul), 'binary data (a NUL byte): not a text data file');
    }
  }
  const decoded = decodeText(bytes);
  const encoding = decoded.encoding;
  const text = decoded.text;
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    throw new ImportError(file, lineAt(text, bad), 'wrong encoding: the text holds replacement characters (U+FFFD) left by an earlier conversion with the wrong encoding; export the file again from its source');
  }
  return { file, text, encoding, bytes: bytes.length };
}

/** The base name of a path, for ids and messages (both separators). */
export function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i >= 0 ? file.slice(i + 1) : file;
}
