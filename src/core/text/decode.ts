/**
 * Bytes to text the way billing files are written: UTF-8 (with or without BOM), UTF-16
 * with a BOM (claim-model XML exports), and cp1252 (CMS files) when the bytes are not UTF-8.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const encoding = detectEncoding(bytes);
  const decoded = new TextDecoder(encoding).decode(bytes); // strips a BOM
  return { text: encoding === 'windows-1252' ? fixC1(decoded) : decoded, encoding };
}

/** A quick binary check: a NUL byte in the first 8 KB of a file that is not UTF-16. */
export function looksBinary(bytes: Uint8Array): boolean {
  const enc = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16' : '';
  if (enc) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** cp1252 characters of bytes 0x80-0x9F (the five undefined bytes stay C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node's TextDecoder('windows-1252') decodes as Latin-1, leaving bytes 0x80-0x9F as C1
 * controls (curly quotes, dashes, the euro sign); this maps them to their cp1252 characters.
 */
export function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80])) : text;
}

