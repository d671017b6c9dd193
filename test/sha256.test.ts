import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256 } from '../src/sha256';

const reference = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('sha256 (the names hash, without node:crypto)', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256(Buffer.from('abc')).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(Buffer.alloc(0)).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256(Buffer.from('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toString('hex')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto at every length around the block boundaries', () => {
    for (let n = 0; n <= 300; n++) {
      const b = Buffer.alloc(n, n % 251);
      expect(sha256(b).toString('hex')).toBe(reference(b));
    }
  });

  it('matches node:crypto on arbitrary bytes and text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => sha256(b).toString('hex') === reference(b)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => sha256(Buffer.from(s)).toString('hex') === reference(Buffer.from(s))));
  });
});
