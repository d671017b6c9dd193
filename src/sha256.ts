/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, for the generated names
 * (`names.ts`). `node:crypto` computes the same digest, but loading it
 * initialises OpenSSL, which took about a quarter of the CLI's start-up
 * (docs/performance.md); the names hash a few dozen bytes, where this is as
 * fast as a native call.
 *
 * @packageDocumentation
 */

// The round constants as signed 32-bit words: read from an Int32Array they
// stay small integers, where a Uint32Array's values above 2^31 would be
// boxed as doubles in every round.
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const W = new Int32Array(64);
/** The padded message, reused between calls (grown when a message is longer). */
let scratch = new Uint8Array(256);

/**
 * The digest of the first `length` bytes of `data` into `out` (eight words,
 * big-endian order), without allocating: the names hash short strings many
 * times per render (docs/performance.md).
 */
export function sha256Words(data: Uint8Array, length: number, out: Int32Array): void {
  // The message, 0x80, zeros, and its length in bits (64-bit big-endian), in 64-byte blocks.
  const total = ((length + 9 + 63) >>> 6) << 6;
  if (scratch.length < total) scratch = new Uint8Array(total * 2);
  const block = scratch;
  if (data !== block) block.set(data.length === length ? data : data.subarray(0, length));
  block[length] = 0x80;
  block.fill(0, length + 1, total - 8);
  const bitsHigh = Math.floor(length / 0x20000000);
  const bitsLow = (length << 3) >>> 0;
  block[total - 8] = bitsHigh >>> 24;
  block[total - 7] = bitsHigh >>> 16;
  block[total - 6] = bitsHigh >>> 8;
  block[total - 5] = bitsHigh;
  block[total - 4] = bitsLow >>> 24;
  block[total - 3] = bitsLow >>> 16;
  block[total - 2] = bitsLow >>> 8;
  block[total - 1] = bitsLow;
  compress(block, total, out);
}

/** The compression function over every 64-byte block of `block[0, total)`, from the initial hash. */
function compress(block: Uint8Array, total: number, out: Int32Array): void {
  const w = W;
  const k = K;
  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;
  for (let offset = 0; offset < total; offset += 64) {
    for (let i = 0, j = offset; i < 16; i++, j += 4) w[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15]!;
      const w2 = w[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  out[0] = h0;
  out[1] = h1;
  out[2] = h2;
  out[3] = h3;
  out[4] = h4;
  out[5] = h5;
  out[6] = h6;
  out[7] = h7;
}

/** The message buffer {@link sha256Words} reads in place: write into it, then pass it with the length. */
export function sha256Scratch(length: number): Uint8Array {
  const need = Math.ceil((length + 9) / 64) * 64;
  if (scratch.length < need) scratch = new Uint8Array(need * 2);
  return scratch;
}

/**
 * The SHA-256 digest of `data` (32 bytes).
 *
 * @example
 * ```ts
 * sha256(Buffer.from('abc')).toString('hex'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export function sha256(data: Uint8Array): Buffer {
  const words = new Int32Array(8);
  sha256Words(data, data.length, words);
  const out = Buffer.allocUnsafe(32);
  for (let i = 0; i < 8; i++) out.writeUInt32BE(words[i]! >>> 0, i * 4);
  return out;
}
