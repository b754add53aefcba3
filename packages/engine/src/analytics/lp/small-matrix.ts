/** Small dense-matrix helpers for the simplex and the input–output inverse. */

/** Row scales from two geometric-mean passes over a column-major matrix (see solveDenseLp in dense-simplex.ts). */
export function geometricRowScales(a: Float64Array, m: number, n: number): Float64Array {
  const rowScale = new Float64Array(m).fill(1);
  const colScale = new Float64Array(n).fill(1);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < m; i++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      for (let j = 0, off = i; j < n; j++, off += m) {
        const v = Math.abs(a[off] * colScale[j]);
        if (v > 0) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      if (hi > 0) rowScale[i] = 1 / Math.sqrt(lo * hi);
    }
    for (let j = 0; j < n; j++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      const off = j * m;
      for (let i = 0; i < m; i++) {
        const v = Math.abs(a[off + i] * rowScale[i]);
        if (v > 0) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      if (hi > 0) colScale[j] = 1 / Math.sqrt(lo * hi);
    }
  }
  return rowScale;
}

/** Inverts a dense m×m row-major matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function invertSmall(mat: Float64Array, m: number): Float64Array | null {
  const a = Float64Array.from(mat);
  const inv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) inv[i * m + i] = 1;
  for (let col = 0; col < m; col++) {
    let p = col;
    for (let i = col + 1; i < m; i++) if (Math.abs(a[i * m + col]) > Math.abs(a[p * m + col])) p = i;
    const pv = a[p * m + col];
    if (Math.abs(pv) < 1e-14) return null;
    if (p !== col) {
      for (let k = 0; k < m; k++) {
        [a[p * m + k], a[col * m + k]] = [a[col * m + k], a[p * m + k]];
        [inv[p * m + k], inv[col * m + k]] = [inv[col * m + k], inv[p * m + k]];
      }
    }
    for (let k = 0; k < m; k++) {
      a[col * m + k] /= pv;
      inv[col * m + k] /= pv;
    }
    for (let i = 0; i < m; i++) {
      if (i === col) continue;
      const f = a[i * m + col];
      if (f === 0) continue;
      for (let k = 0; k < m; k++) {
        a[i * m + k] -= f * a[col * m + k];
        inv[i * m + k] -= f * inv[col * m + k];
      }
    }
  }
  return inv;
}
