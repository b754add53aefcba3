import { MonitorError } from "../errors.ts";

export interface EwmaPoint {
  readonly z: number;
  readonly lcl: number;
  readonly ucl: number;
  readonly signal: boolean;
}

/**
 * EWMA chart (Roberts 1959; Montgomery §9.2): z_t = λx_t + (1−λ)z_{t−1}, z_0 = μ0, with the
 * exact time-varying limits μ0 ± Lσ√(λ/(2−λ)·(1−(1−λ)^{2t})).
 */
export class EwmaChart {
  private z: number;
  private t = 0;

  constructor(
    private readonly mu0: number,
    private readonly sigma: number,
    private readonly lambda = 0.2,
    private readonly L = 3,
  ) {
    if (!(lambda > 0 && lambda <= 1) || !(sigma > 0) || !(L > 0)) {
      throw new MonitorError("BAD_PARAMETER", "EWMA needs 0 < λ ≤ 1, σ > 0 and L > 0");
    }
    this.z = mu0;
  }

  push(x: number): EwmaPoint {
    if (Number.isFinite(x)) {
      this.t++;
      this.z = this.lambda * x + (1 - this.lambda) * this.z;
    }
    const w =
      this.L *
      this.sigma *
      Math.sqrt((this.lambda / (2 - this.lambda)) * (1 - (1 - this.lambda) ** (2 * Math.max(1, this.t))));
    const lcl = this.mu0 - w;
    const ucl = this.mu0 + w;
    return { z: this.z, lcl, ucl, signal: this.z > ucl || this.z < lcl };
  }
}

export interface CusumPoint {
  readonly cPlus: number;
  readonly cMinus: number;
  readonly signal: "up" | "down" | null;
  /** Points since both sums were last 0: the estimated shift start is index − run + 1. */
  readonly runPlus: number;
  readonly runMinus: number;
}

/**
 * Tabular CUSUM (Page 1954; Montgomery §9.1): C⁺ = max(0, x − (μ0 + K) + C⁺), C⁻ = max(0,
 * (μ0 − K) − x + C⁻), K = kσ, signal when a sum exceeds H = hσ. Sums keep accumulating after a
 * signal (as in the textbook table) until `reset()`.
 */
export class TabularCusum {
  private cp = 0;
  private cm = 0;
  private np = 0;
  private nm = 0;
  private readonly K: number;
  private readonly H: number;

  constructor(
    private readonly mu0: number,
    sigma: number,
    k = 0.5,
    h = 5,
  ) {
    if (!(sigma > 0) || !(k >= 0) || !(h > 0))
      throw new MonitorError("BAD_PARAMETER", "CUSUM needs σ > 0, k ≥ 0, h > 0");
    this.K = k * sigma;
    this.H = h * sigma;
  }

  push(x: number): CusumPoint {
    if (Number.isFinite(x)) {
      this.cp = Math.max(0, x - (this.mu0 + this.K) + this.cp);
      this.cm = Math.max(0, this.mu0 - this.K - x + this.cm);
      this.np = this.cp > 0 ? this.np + 1 : 0;
      this.nm = this.cm > 0 ? this.nm + 1 : 0;
    }
    const signal = this.cp > this.H ? "up" : this.cm > this.H ? "down" : null;
    return { cPlus: this.cp, cMinus: this.cm, signal, runPlus: this.np, runMinus: this.nm };
  }

  reset(): void {
    this.cp = 0;
    this.cm = 0;
    this.np = 0;
    this.nm = 0;
  }
}
