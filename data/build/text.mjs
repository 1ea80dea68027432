// Decoding raw bytes to text: strict UTF-8, or Windows-1252 (the "latin-1" of CMS exports).
// No ICU dependency: the 0x80-0x9F block of cp1252 is spelled out here.
import { readFileSync } from 'node:fs';

/** cp1252 code points for bytes 0x80-0x9F (undefined bytes map to the C1 control of the same value). */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes. */
export function decodeCp1252(bytes) {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly (throws on invalid bytes); a leading BOM is dropped. */
export function decodeUtf8(bytes, label = 'input') {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error(`${label}: not valid UTF-8 (is it cp1252/latin-1?)`);
  }
}

/** Reads a text file in the named encoding: 'utf-8' (strict) or 'cp1252'. */
export function readText(path, encoding = 'utf-8') {
  const bytes = readFileSync(path);
  if (encoding === 'cp1252') {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return decodeCp1252(bytes.subarray(start));
  }
  if (encoding === 'utf-8') return decodeUtf8(bytes, path);
  throw new Error(`unknown encoding ${encoding}`);
}
