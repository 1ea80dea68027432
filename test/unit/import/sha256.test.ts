/** The content hash that keys converted data files: the same bytes give the same key on every host. */
import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { portableSha256Hex, sha256Hex, useNativeSha256 } from '../../../src/core/import/sha256';

const node = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('SHA-256 of a data file', () => {
  it('the portable hash (web hosts) equals Node\'s for every length around the block edges and for large files', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) & 0xff);
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_536, 3_000_001]) {
      const bytes = Uint8Array.from({ length }, next);
      assert.equal(portableSha256Hex(bytes), node(bytes), `${length} bytes`);
    }
  });

  it('a host\'s native hash is used once handed in, and the portable one again when taken back', () => {
    const bytes = new TextEncoder().encode('64866,NERVE ANASTOMOSIS\n');
    let calls = 0;
    useNativeSha256((data) => (calls++, node(data)));
    try {
      assert.equal(sha256Hex(bytes), node(bytes));
      assert.equal(calls, 1);
    } finally {
      useNativeSha256(undefined);
    }
    assert.equal(sha256Hex(bytes), node(bytes));
    assert.equal(calls, 1);
  });
});
