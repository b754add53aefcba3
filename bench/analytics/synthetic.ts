import type { DeaData } from "@clusterbrain/engine/analytics";
import { mulberry32 } from "@clusterbrain/engine/shared";

/**
 * Seeded synthetic firms: lognormal inputs, outputs from a Cobb–Douglas frontier scaled down by a
 * half-normal inefficiency and a little noise, so a realistic share of firms sits on the frontier.
 */
export function syntheticFirms(n: number, m: number, s: number, seed: number): DeaData {
  const rand = mulberry32(seed);
  const normal = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const elasticities = Array.from({ length: s }, () =>
    Array.from({ length: m }, () => (0.6 + 0.6 * rand()) / m),
  );
  const inputs: number[][] = [];
  const outputs: number[][] = [];
  for (let j = 0; j < n; j++) {
    const x = Array.from({ length: m }, () => Math.exp(3 + normal()));
    const inefficiency = Math.abs(normal()) * 0.3;
    inputs.push(x.map((v) => Math.round(v * 100) / 100));
    outputs.push(
      elasticities.map((alpha) => {
        const frontier = 10 * alpha.reduce((acc, a, i) => acc * x[i] ** a, 1);
        return Math.round(frontier * Math.exp(-inefficiency + 0.05 * normal()) * 100) / 100;
      }),
    );
  }
  return { inputs, outputs, units: inputs.map((_, j) => `F${j + 1}`) };
}
