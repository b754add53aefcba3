/**
 * Standard normal tail probabilities to near machine precision (published p-values are matched to
 * 1e-6 relative, which the usual 1e-7 absolute approximations cannot guarantee in the far tail).
 * erfc: positive-term series e^{-x²}·Σ 2ⁿx^{2n+1}/(1·3·…·(2n+1)) below x = 3, Lentz continued fraction above.
 */
function erfcPositive(x: number): number {
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 500; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export function erfc(x: number): number {
  return x >= 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** One-tailed p in the direction of z (esda's two_tailed=False) and the two-tailed p. */
export function normalPValues(z: number): { oneTailed: number; twoTailed: number } {
  const one = normalUpperTail(Math.abs(z));
  return { oneTailed: one, twoTailed: Math.min(1, 2 * one) };
}
