import { readFileSync } from "node:fs";
import {
  type BalanceResult,
  balanceLoad,
  type CapacityChange,
  CapacityError,
  type CapacityInput,
  type Placed,
  type UtilisationReport,
  whatIf,
} from "@clusterbrain/engine/capacity";
import type { RegisterCommand } from "./index.ts";
import { RowReader, readSheets, table } from "./mrp.command.ts";

/**
 * Reads a capacity plan. Files use 1-based periods (period 1 = first bucket) like the MRP
 * workbook; the engine is 0-based. JSON: the engine's CapacityInput shape. XLSX: sheet
 * `resources` (resource, capacity) and sheet `orders` with one row per routing alternative
 * (order, period, earliest, latest, operation, resource, hours, cost); the first row of an
 * operation is its preferred alternative.
 */
export async function readCapacityFile(file: string): Promise<CapacityInput> {
  if (file.endsWith(".xlsx")) return readCapacityWorkbook(file);
  let raw: CapacityInput;
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as CapacityInput;
  } catch (err) {
    throw new Error(`${file}: not readable JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!raw || !Array.isArray(raw.resources) || !Array.isArray(raw.orders)) {
    throw new Error(`${file}: expected { periods, resources: [...], orders: [...] }`);
  }
  const shift = (p: number | undefined) => (typeof p === "number" ? p - 1 : p);
  return {
    ...raw,
    orders: raw.orders.map((o) => ({
      ...o,
      period: o.period - 1,
      earliest: shift(o.earliest),
      latest: shift(o.latest),
    })),
  };
}

async function readCapacityWorkbook(file: string): Promise<CapacityInput> {
  const sheets = await readSheets(file, ["resources", "orders"]);
  const resSheet = sheets.get("resources")!;
  const resources = resSheet.rows.map((r) => {
    const rd = new RowReader(resSheet, r);
    return {
      id: rd.requiredText("resource"),
      name: rd.text("name"),
      capacity: rd.requiredNumber("capacity"),
    };
  });
  const orderSheet = sheets.get("orders")!;
  const orders = new Map<string, CapacityInput["orders"][number]>();
  let periods = 1;
  for (const r of orderSheet.rows) {
    const rd = new RowReader(orderSheet, r);
    const id = rd.requiredText("order");
    const period = rd.requiredNumber("period");
    const order = orders.get(id) ?? {
      id,
      period: period - 1,
      earliest: (rd.number("earliest") ?? period) - 1,
      latest: (rd.number("latest") ?? period) - 1,
      operations: [],
    };
    orders.set(id, order);
    periods = Math.max(periods, period, (order.latest ?? 0) + 1);
    const opId = rd.text("operation") ?? "1";
    let op = order.operations.find((o) => o.id === opId);
    if (!op) {
      op = { id: opId, alternatives: [] };
      order.operations.push(op);
    }
    op.alternatives.push({
      resource: rd.requiredText("resource"),
      hours: rd.requiredNumber("hours"),
      cost: rd.number("cost"),
    });
  }
  return { periods, resources, orders: [...orders.values()] };
}

/** RESOURCE:FROM-TO or RESOURCE:P (1-based periods, or period labels). */
export function parseDown(spec: string, input: CapacityInput): CapacityChange {
  const colon = spec.lastIndexOf(":");
  if (colon <= 0) throw new Error(`--down expects RESOURCE:FROM-TO, got "${spec}"`);
  const resource = spec.slice(0, colon);
  const range = spec.slice(colon + 1);
  const labels = input.periodLabels ?? [];
  const toIndex = (s: string): number => {
    const byLabel = labels.indexOf(s);
    if (byLabel >= 0) return byLabel;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1 || n > input.periods) {
      throw new Error(`--down period "${s}" is not a period 1..${input.periods} or a period label`);
    }
    return n - 1;
  };
  if (labels.includes(range)) return { resource, from: toIndex(range), to: toIndex(range) };
  const [from, to = from] = range.split("-");
  return { resource, from: toIndex(from), to: toIndex(to) };
}

function where(list: Placed[], labels: string[]): string {
  if (list.length === 0) return "unscheduled";
  return list
    .map(
      (p) =>
        `${p.resource} ${labels[p.period]}${p.fraction < 1 - 1e-6 ? ` (${Math.round(p.fraction * 100)}%)` : ""}`,
    )
    .join(" + ");
}

const pct = (u: number | null) => (u === null ? "down" : `${Math.round(u * 100)}%`);

function grid(
  title: string,
  report: UtilisationReport,
  labels: string[],
  compare?: UtilisationReport,
): string {
  const rows = report.resources.map((r, i) => [
    r,
    ...report.utilisation[i].map((u, p) =>
      compare ? `${pct(compare.utilisation[i][p])}→${pct(u)}` : pct(u),
    ),
  ]);
  return `${title}\n${table(["resource", ...labels], rows)}`;
}

function summary(name: string, r: UtilisationReport): string {
  const at = r.peakAt ? ` (${r.peakAt.resource}, period ${r.peakAt.period + 1})` : "";
  return `${name}: peak ${pct(r.peakUtilisation)}${at}, overload ${r.overloadHours.toFixed(1)} h`;
}

function moves(result: BalanceResult): string {
  if (result.moves.length === 0) return "(no work moved)";
  return table(
    ["order", "op", "to resource", "to period", "share", "hours"],
    result.moves.map((m) => [m.order, m.operation + 1, m.resource, m.period + 1, m.fraction, m.hours]),
  );
}

export const registerCapacity: RegisterCommand = (program) => {
  program
    .command("capacity")
    .description(
      "Level resource load with HiGHS (alternative resources, period windows); what-if with --down",
    )
    .argument("<file>", "capacity plan (.json or .xlsx), e.g. examples/mrp/smt-capacity.json")
    .option("--down <RESOURCE:FROM-TO...>", "resource unavailable over 1-based periods (repeatable)")
    .option("--mip", "keep operations whole (MIP) instead of splitting work (LP)")
    .option("--json", "machine-readable output")
    .action(async (file: string, opts: { down?: string[]; mip?: boolean; json?: boolean }) => {
      const input = await readCapacityFile(file);
      const labels = input.periodLabels ?? Array.from({ length: input.periods }, (_, p) => `P${p + 1}`);
      const options = { integral: opts.mip ?? false };
      try {
        if (!opts.down?.length) {
          const result = await balanceLoad(input, options);
          if (opts.json) return void console.log(JSON.stringify(result, null, 2));
          console.log(
            [
              summary("before", result.before),
              summary("after ", result.after),
              "",
              grid("Utilisation before → after levelling", result.after, labels, result.before),
              "",
              "Work moved",
              moves(result),
              result.unscheduled.length
                ? `\nUnscheduled: ${result.unscheduled.map((u) => `${u.order} op ${u.operation + 1}`).join(", ")}`
                : "",
            ].join("\n"),
          );
          return;
        }
        const changes = opts.down.map((d) => parseDown(d, input));
        const result = await whatIf(input, changes, options);
        if (opts.json) return void console.log(JSON.stringify(result, null, 2));
        const downText = changes
          .map((c) => `${c.resource} down ${labels[c.from]}–${labels[c.to]}`)
          .join("; ");
        console.log(
          [
            `What-if: ${downText}`,
            summary("plan as balanced today      ", result.base.after),
            summary("today's plan, reduced capacity", result.baseUnderChange),
            summary("re-balanced                  ", result.changed.after),
            `peak utilisation change: ${result.peakDelta >= 0 ? "+" : ""}${Math.round(result.peakDelta * 100)} points`,
            "",
            grid(
              "Utilisation: balanced today → re-balanced after the change",
              result.changed.after,
              labels,
              result.base.after,
            ),
            "",
            "Operations that move",
            result.reassigned.length === 0
              ? "(none)"
              : table(
                  ["order", "op", "was", "now"],
                  result.reassigned.map((r) => [
                    r.order,
                    r.operation + 1,
                    where(r.before, labels),
                    where(r.after, labels),
                  ]),
                ),
            result.changed.unscheduled.length
              ? `\nCannot be scheduled: ${result.changed.unscheduled.map((u) => `${u.order} op ${u.operation + 1} (${Math.round(u.fraction * 100)}%)`).join(", ")}`
              : "",
          ].join("\n"),
        );
      } catch (err) {
        if (err instanceof CapacityError) {
          if (err.path?.startsWith("changes")) throw new Error(`--down: ${err.message}`);
          throw new Error(`${file}: ${err.message}${err.path ? ` (at ${err.path})` : ""}`);
        }
        throw err;
      }
    });
};
