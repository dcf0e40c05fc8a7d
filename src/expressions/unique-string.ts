// ARM's uniqueString(...): the arguments joined with '-', hashed (UTF-8) with the MurmurHash64
// variant of Microsoft.WindowsAzure.ResourceStack (ComputeHash.MurmurHash64, seed 0), and the
// 64-bit result written as 13 base32 characters (a-z2-7), 5 bits at a time from the top.
// Sources: Microsoft's MIT-licensed port (PolicyLinter ExpressionBuiltInFunctions.UniqueString /
// Base32Encode) and public reimplementations; verified against outputs of real deployments
// (see __tests__/expressions/hashes.test.ts for the vectors and where they were published).

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const C1 = 0x239b961b; // 597399067
const C2 = 0xab0e9789; // 2869860233
const F1 = 0x85ebca6b; // 2246822507
const F2 = 0xc2b2ae35; // 3266489909

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

function mul(a: number, b: number): number {
  return Math.imul(a, b) >>> 0;
}

function fmix(h: number): number {
  h = mul(h ^ (h >>> 16), F1);
  h = mul(h ^ (h >>> 13), F2);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The 64-bit hash as [high, low] 32-bit halves. */
export function murmurHash64(data: Uint8Array): [number, number] {
  const length = data.length;
  const byte = (i: number): number => data[i] ?? 0;
  const word = (i: number): number => (byte(i) | (byte(i + 1) << 8) | (byte(i + 2) << 16) | (byte(i + 3) << 24)) >>> 0;
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  for (; i + 7 < length; i += 8) {
    const k1 = mul(rotl(mul(word(i), C1), 15), C2);
    h1 = rotl((h1 ^ k1) >>> 0, 19);
    h1 = (mul((h1 + h2) >>> 0, 5) + 0x561ccd1b) >>> 0; // + 1444728091
    const k2 = mul(rotl(mul(word(i + 4), C2), 17), C1);
    h2 = rotl((h2 ^ k2) >>> 0, 13);
    h2 = (mul((h2 + h1) >>> 0, 5) + 0x0bcaa747) >>> 0; // + 197830471
  }
  const tail = length - i;
  if (tail > 0) {
    // Bytes past the end read as 0, which is exactly the partial-word tail of the original.
    const k1 = tail >= 4 ? word(i) : byte(i) | (tail > 1 ? byte(i + 1) << 8 : 0) | (tail > 2 ? byte(i + 2) << 16 : 0);
    h1 = (h1 ^ mul(rotl(mul(k1 >>> 0, C1), 15), C2)) >>> 0;
    if (tail > 4) {
      const k2 = byte(i + 4) | (tail > 5 ? byte(i + 5) << 8 : 0) | (tail > 6 ? byte(i + 6) << 16 : 0);
      h2 = (h2 ^ mul(rotl(mul(k2 >>> 0, C2), 17), C1)) >>> 0;
    }
  }
  h1 = (h1 ^ length) >>> 0;
  h2 = (h2 ^ length) >>> 0;
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  return [h2, h1];
}

export function armUniqueString(values: readonly string[]): string {
  const [high, low] = murmurHash64(Buffer.from(values.join('-'), 'utf8'));
  let value = (BigInt(high) << 32n) | BigInt(low);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += BASE32[Number(value >> 59n)] ?? '';
    value = (value << 5n) & 0xffffffffffffffffn;
  }
  return out;
}
