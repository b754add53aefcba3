/** Fisher–Yates shuffle in place. */
export function shuffleInPlace(values: Float64Array, rand: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}
