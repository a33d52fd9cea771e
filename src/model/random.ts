/**
 * A seeded random stream, the same numbers on every machine and in every worker: xoshiro128**
 * (Blackman and Vigna), 32-bit integer arithmetic only (Math.imul and unsigned shifts), seeded
 * through splitmix32 so nearby seeds give unrelated streams. A trial's stream is derived from the
 * run's seed and the trial's number, never from which worker runs it, so results do not depend
 * on the number of cores.
 */
export class RandomStream {
  private readonly s = new Uint32Array(4);

  /** The stream for `seed` (an integer) and, when given, one trial of it. */
  constructor(seed: number, trial = 0) {
    let x = (Math.trunc(seed) ^ Math.imul(trial + 1, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < 4; i++) {
      // splitmix32
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      this.s[i] = (z ^ (z >>> 15)) >>> 0;
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  private nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A number in (0, 1), never 0 or 1 (inverse distribution functions are infinite there): 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
