import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDevices } from "./simulate.command.ts";

describe("simulate --devices", () => {
  const dir = mkdtempSync(join(tmpdir(), "cb-sim-"));

  it("reads the seedDemoTelemetry shape", () => {
    const file = join(dir, "ok.json");
    const device = {
      orgId: "o",
      deviceId: "d",
      username: "u",
      password: "p",
      tags: [{ key: "temp", dataType: "number", unit: "°C", low: 0, high: 100 }],
    };
    writeFileSync(file, JSON.stringify([device]));
    expect(readDevices(file)).toEqual([device]);
  });

  it("names the device and field that is wrong", () => {
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify([
        { orgId: "o", deviceId: "d", username: "u", password: "p", tags: [{ key: "t", dataType: "float" }] },
      ]),
    );
    expect(() => readDevices(file)).toThrow(/device 0: tags\.0\.dataType/);
  });
});
