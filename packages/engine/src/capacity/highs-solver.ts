import highsLoader, { type Highs } from "highs";

let loading: Promise<Highs> | undefined;

/** HiGHS compiles to WebAssembly and loads asynchronously; load it once per process. */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}
