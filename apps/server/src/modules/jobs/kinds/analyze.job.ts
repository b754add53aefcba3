import { analyzeJobInputSchema } from "@clusterbrain/contracts";
import { radialDea, sbm } from "@clusterbrain/engine/analytics";
import type { KindRunner } from "../job.protocol.ts";

/** DEA over many units: one LP per unit inside the engine, so progress is start and end. */
export const runAnalyzeJob: KindRunner = async (raw, ctx) => {
  const input = analyzeJobInputSchema.parse(raw);
  const data = { inputs: input.inputs, outputs: input.outputs, units: input.units };
  ctx.progress(0.05, `${input.inputs.length} units`);
  if (ctx.cancelRequested()) return { cancelled: true, result: null };
  const units =
    input.method === "sbm"
      ? sbm(data).units.map((u) => ({ unit: u.unit, efficiency: u.efficiency, peers: u.peers }))
      : radialDea(data, {
          rts: input.method === "dea-bcc" ? "vrs" : "crs",
          orientation: input.orientation,
        }).units.map((u) => ({
          unit: u.unit,
          efficiency: u.efficiency,
          score: u.score,
          efficient: u.efficient,
          peers: u.peers,
        }));
  return { cancelled: false, result: { method: input.method, units } };
};
