import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { usccCheckChar } from "@clusterbrain/contracts";

export interface ImportFixture {
  path: string;
  /** Spreadsheet row (header = 1) and column of each deliberately bad cell. */
  bad: { row: number; column: string }[];
  nameMarker: string;
}

function validUscc(n: number): string {
  const first17 = `91330400MA${String(n).padStart(7, "0")}`;
  return `${first17}${usccCheckChar(first17)}`;
}

/**
 * A CSV of `rows` new enterprises in the import layout with three broken cells: a wrong USCC
 * check character, an empty Chinese name and an unknown kind.
 */
export function orgImportCsv(rows: number): ImportFixture {
  const marker = `E2E导入测试${Date.now().toString(36)}`;
  const badAt = new Map<number, string>([
    [Math.floor(rows * 0.1), "uscc"],
    [Math.floor(rows * 0.5), "nameZh"],
    [rows - 1, "kind"],
  ]);
  const lines = ["uscc,kind,nameZh,nameEn,district,industryCode,sizeBand"];
  for (let i = 0; i < rows; i++) {
    const good = validUscc(9_000_000 + i);
    const broken = badAt.get(i);
    const uscc = broken === "uscc" ? `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}` : good;
    const nameZh = broken === "nameZh" ? "" : `${marker}电子有限公司${i}`;
    const kind = broken === "kind" ? "robot" : "enterprise";
    lines.push(`${uscc},${kind},${nameZh},E2E Import Test Electronics ${i},南湖区,3981,small`);
  }
  const path = join(tmpdir(), `${marker}.csv`);
  writeFileSync(path, `${lines.join("\n")}\n`, "utf8");
  return {
    path,
    nameMarker: marker,
    bad: [...badAt.entries()].map(([i, column]) => ({ row: i + 2, column })).sort((a, b) => a.row - b.row),
  };
}
