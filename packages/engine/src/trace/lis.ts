/** Lengths of the longest strictly increasing run ending at each position (patience sorting). */
function endingLengths(values: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  const tails: number[] = [];
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    out[i] = lo + 1;
  });
  return out;
}

/**
 * For each position: does it belong to EVERY longest strictly increasing subsequence? Those that
 * do are certainly in place; the rest were moved (for two swapped neighbours, both are named).
 */
export function lisMembership(values: readonly number[]): boolean[] {
  const n = values.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = values[i - 1] < values[i];
  if (sorted) return new Array<boolean>(n).fill(true);
  const f = endingLengths(values);
  const g = endingLengths(values.map((v) => -v).reverse()).reverse();
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, f[i]);
  const count = new Int32Array(longest + 2);
  const inSome = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    inSome[i] = f[i] + g[i] - 1 === longest;
    if (inSome[i]) count[f[i]]++;
  }
  return inSome.map((s, i) => s && count[f[i]] === 1);
}
