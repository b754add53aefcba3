import { spcReport } from "@clusterbrain/engine/monitor";
import { describe, expect, it } from "vitest";
import { formatSpcReport } from "./spc.command.ts";

describe("clusterbrain spc output", () => {
  it("prints limits, numbered rule violations and capability with its normality verdict", () => {
    const values = [
      ...Array.from({ length: 40 }, (_, i) => 10 + ((i * 7) % 5) * 0.1 - 0.2),
      ...Array.from({ length: 12 }, () => 11),
    ];
    const text = formatSpcReport(
      spcReport(
        values.map((_, i) => i),
        values,
        { baseline: 40, spec: { lsl: 9, usl: 12 } },
      ),
    );
    expect(text).toMatch(/chart individuals/);
    expect(text).toMatch(/UCL \d+\.\d{4}/);
    expect(text).toMatch(/nelson rule 1: \d+ points/);
    expect(text).toMatch(/western-electric rule 4/);
    expect(text).toMatch(/Cpk \d/);
    expect(text).toMatch(/NOT normal/);
  });
});
