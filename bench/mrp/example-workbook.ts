// Writes the example MRP workbook and capacity file under examples/mrp/:
//   npx tsx bench/mrp/example-workbook.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples", "mrp");

type Row = Array<string | number | null>;

function addSheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Row[], note: string): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = Math.max(10, header[i].length + 2, ...rows.map((r) => String(r[i] ?? "").length + 2));
  });
  ws.getCell(1, header.length + 2).value = note;
  ws.getCell(1, header.length + 2).font = { italic: true, color: { argb: "FF808080" } };
}

/**
 * A 48 V→12 V power module made in a Jiaxing EMS plant: module → PCB assembly → power inductors
 * (wound in house on bought ferrite cores), MLCC and electrolytic capacitors, bare PCB. Eight
 * weekly buckets; a few open orders are deliberately mistimed so every action message shows up.
 */
export async function writeExampleWorkbook(file = join(outDir, "power-module.xlsx")): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cluster Brain";
  addSheet(
    wb,
    "items",
    [
      "item",
      "name",
      "lead_time",
      "lot_rule",
      "lot_size",
      "min",
      "max",
      "periods",
      "setup_cost",
      "holding_cost",
      "safety_stock",
      "on_hand",
      "scrap",
    ],
    // biome-ignore format: one item per line reads as a table
    [
      ["PM-4812", "48V→12V power module", 1, "lfl", null, null, null, null, null, null, 20, 60, null],
      ["PCBA-4812", "PCB assembly, power stage", 1, "poq", null, null, null, 2, null, null, null, 150, 0.04],
      ["HSG-AL", "aluminium housing", 2, "fixed", 200, null, null, null, null, null, null, 150, null],
      ["IND-10UH", "10 µH power inductor (wound in house)", 1, "fixed", 500, null, null, null, null, null, 100, 400, 0.02],
      ["CORE-T50", "ferrite toroid core T50", 3, "eoq", null, null, null, null, 800, 0.05, 200, 1600, null],
      ["CU-WIRE", "enamelled copper wire 0.8 mm (m)", 2, "min-max", null, 500, 3000, null, null, null, null, 1200, null],
      ["MLCC-10UF", "MLCC 10 µF 50 V X7R (reel 4000)", 4, "fixed", 4000, null, null, null, null, null, 2000, 16000, null],
      ["ECAP-470UF", "electrolytic capacitor 470 µF 25 V", 3, "lfl", null, null, null, null, null, null, null, 700, null],
      ["PCB-4812", "bare PCB, 4-layer", 2, "min-max", null, 200, 1000, null, null, null, null, 250, null],
    ],
    "lead_time in weeks; lot_rule lfl | fixed (lot_size) | eoq (setup_cost, holding_cost per unit-week) | poq (periods) | min-max (min, max); scrap = assembly scrap share",
  );
  addSheet(
    wb,
    "bom",
    ["parent", "child", "qty_per", "scrap"],
    [
      ["PM-4812", "PCBA-4812", 1, null],
      ["PM-4812", "HSG-AL", 1, null],
      ["PCBA-4812", "IND-10UH", 2, 0.01],
      ["PCBA-4812", "MLCC-10UF", 12, 0.03],
      ["PCBA-4812", "ECAP-470UF", 2, null],
      ["PCBA-4812", "PCB-4812", 1, null],
      ["IND-10UH", "CORE-T50", 1, null],
      ["IND-10UH", "CU-WIRE", 0.6, null],
      ["IND-10UH", "MLCC-10UF", 1, null],
    ],
    "qty_per per unit of parent started; scrap = component scrap share",
  );
  addSheet(
    wb,
    "demand",
    ["id", "item", "period", "qty"],
    [
      ["SO-2301", "PM-4812", 2, 120],
      ["SO-2302", "PM-4812", 3, 80],
      ["SO-2303", "PM-4812", 4, 200],
      ["SO-2304", "PM-4812", 5, 150],
      ["SO-2305", "PM-4812", 6, 180],
      ["SO-2306", "PM-4812", 7, 220],
      ["SO-2307", "PM-4812", 8, 160],
      ["SP-0091", "IND-10UH", 3, 60],
    ],
    "period = week 1..8; SP-0091 is a service-part order for spare inductors",
  );
  addSheet(
    wb,
    "receipts",
    ["id", "item", "period", "qty"],
    [
      ["PO-7781", "HSG-AL", 4, 200],
      ["PO-7790", "PCB-4812", 2, 300],
      ["PO-7795", "ECAP-470UF", 2, 400],
      ["WO-5520", "IND-10UH", 5, 500],
      ["PO-7802", "CU-WIRE", 2, 3000],
    ],
    "open purchase (PO) and work (WO) orders at their current due week",
  );
  await wb.xlsx.writeFile(file);
  return file;
}

/** Two SMT lines and a wave-solder line over ten working days, loaded by the module orders. */
export function exampleCapacity(): unknown {
  const orders = Array.from({ length: 12 }, (_, k) => {
    const day = [1, 1, 1, 2, 2, 3, 4, 4, 4, 6, 7, 8][k];
    return {
      id: `WO-${6100 + k}`,
      period: day,
      earliest: Math.max(1, day - 1),
      latest: Math.min(10, day + 2),
      operations: [
        {
          id: "smt",
          alternatives: [
            { resource: "SMT-1", hours: 5 },
            { resource: "SMT-2", hours: 6.5 },
          ],
        },
        { id: "wave", alternatives: [{ resource: "WAVE", hours: 2 }] },
      ],
    };
  });
  return {
    note: "periods are working days 1..10; first alternative = preferred line",
    periods: 10,
    periodLabels: [
      "Mon 1",
      "Tue 2",
      "Wed 3",
      "Thu 4",
      "Fri 5",
      "Mon 8",
      "Tue 9",
      "Wed 10",
      "Thu 11",
      "Fri 12",
    ],
    resources: [
      { id: "SMT-1", name: "SMT line 1 (fast)", capacity: 8 },
      { id: "SMT-2", name: "SMT line 2", capacity: 8 },
      { id: "WAVE", name: "wave solder", capacity: 7.5 },
    ],
    orders,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`wrote ${await writeExampleWorkbook()}`);
  const capacityFile = join(outDir, "smt-capacity.json");
  writeFileSync(capacityFile, `${JSON.stringify(exampleCapacity(), null, 2)}\n`);
  console.log(`wrote ${capacityFile}`);
}
