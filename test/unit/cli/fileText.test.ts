/** The CLI decodes a checked file once; the text must be what decodeText gives, whatever the bytes. */
import { strict as assert } from 'assert';
import { fileText } from '../../../src/cli/fileText';
import { decodeText } from '../../../src/core/text/decode';

const same = (bytes: Buffer, what: string): void => assert.equal(fileText(bytes), decodeText(bytes).text, what);

describe('cpt-lens reads a file as decodeText does, decoding it once', () => {
  it('ASCII, UTF-8 with and without BOM, UTF-16 with BOM, cp1252, broken UTF-8, empty', () => {
    const cases: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['ASCII', Buffer.from('HC:64866:50*125*UN*1~\r\n99213-25, "J1100"\n')],
      ['UTF-8', Buffer.from('Anastomose – facial nerve ✓ 64866 “quoted” 𝄞\n')],
      ['UTF-8 BOM', Buffer.from('\ufeffcode,desc\n64866,x\n')],
      ['UTF-8 BOM alone', Buffer.from([0xef, 0xbb, 0xbf])],
      ['UTF-16 LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('64866 – x', 'utf16le')])],
      ['UTF-16 BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('64866 – x', 'utf16le').swap16()])],
      ['cp1252 curly quotes and euro', Buffer.from([0x93, 0x36, 0x34, 0x38, 0x36, 0x36, 0x94, 0x20, 0x80, 0x0a])],
      ['Latin-1 NBSP', Buffer.from([0x36, 0x34, 0x38, 0x36, 0x36, 0xa0, 0x35, 0x30])],
      ['UTF-8 cut in a character', Buffer.from('64866 é').subarray(0, 7)],
      ['encoded surrogate', Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x42])],
      ['overlong NUL', Buffer.from([0x41, 0xc0, 0x80])],
    ];
    for (const [what, bytes] of cases) same(bytes, what);
  });

  it('random bytes, random UTF-8 and mixtures of both', () => {
    let seed = 42;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const pieces = ['64866', '-50', ' ', '\n', '\r\n', 'é', '–', '😀', '\ufeff', '"', ','];
    for (let i = 0; i < 3000; i++) {
      const parts: Buffer[] = [];
      for (let j = rnd(12); j >= 0; j--) {
        const kind = rnd(3);
        if (kind === 0) parts.push(Buffer.from(pieces[rnd(pieces.length)]));
        else if (kind === 1) parts.push(Buffer.from([rnd(256)]));
        else parts.push(Buffer.from(String.fromCharCode(rnd(0x3000))));
      }
      const bytes = Buffer.concat(parts);
      same(bytes, bytes.toString('hex'));
    }
  });
});
