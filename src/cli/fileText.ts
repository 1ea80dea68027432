/**
 * A checked file's text: what `decodeText` gives, with the input decoded once. `decodeText` (core,
 * for every host) tells UTF-8 from cp1252 by decoding the bytes with a fatal decoder, then decodes
 * them again; Node tells ASCII and valid UTF-8 apart without decoding, so the common files (ASCII,
 * UTF-8) are decoded once here and every other file goes through `decodeText` as before.
 */
import { isAscii, isUtf8 } from 'buffer';
import { decodeText } from '../core/text/decode';

export function fileText(bytes: Buffer): string {
  // ASCII is UTF-8 without a byte order mark, and Latin-1 is its cheapest decoding.
  if (isAscii(bytes)) return bytes.toString('latin1');
  // A UTF-16 byte order mark (FF FE, FE FF) is never valid UTF-8: such files take the general path.
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM, as decodeText does
  return decodeText(bytes).text;
}
