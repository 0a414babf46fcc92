/** Murmur3's 32-bit finaliser: every input bit flips about half of the output bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes a string into two independent 32-bit words: a process's identity becomes its stream
 * key, so a key depends on nothing but the identity's text.
 */
export function hashString(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x9e3779b1);
    h2 = Math.imul(h2 ^ code, 0x5f356495);
  }
  return [mix32(h1 ^ Math.imul(h2, 0x2545f491)), mix32(h2 ^ Math.imul(h1, 0x27d4eb2f))];
}
