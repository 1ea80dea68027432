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
  const text = new TextDecoder(encoding).decode(bytes); // strips a BOM
  return { text, encoding };
}

/** A quick binary check: a NUL byte in the first 8 KB of a file that is not UTF-16. */
export function looksBinary(bytes: Uint8Array): boolean {
  const enc = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16' : '';
  if (enc) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
