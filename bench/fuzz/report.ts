// The per-operation summary table, printed and (with --write) kept in bench/results/fuzz.md.
import { CATEGORIES, type Category } from "./checks.ts";
import type { OperationStats } from "./run.ts";

const SHORT: Record<Category, string> = {
  "5xx": "5xx",
  "undocumented-status": "undoc",
  schema: "schema",
  "error-shape": "shape",
  leak: "leak",
  "forbidden-2xx": "2xx!",
  "anonymous-not-401": "anon≠401",
  csrf: "csrf",
  down: "down",
};

export function totals(stats: OperationStats[]): Record<Category, number> {
  const t = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const s of stats) for (const c of CATEGORIES) t[c] += s.findings[c];
  return t;
}

function statuses(s: OperationStats): string {
  return Object.entries(s.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");
}

/** A markdown table: one row per operation, one column per check, then the examples. */
export function summaryTable(label: string, stats: OperationStats[]): string {
  const head = `| operation | requests | statuses | ${CATEGORIES.map((c) => SHORT[c]).join(" | ")} |`;
  const rule = `|---|---:|---|${CATEGORIES.map(() => "---:").join("|")}|`;
  const rows = stats.map(
    (s) =>
      `| ${s.key} | ${s.requests} | ${statuses(s)} | ${CATEGORIES.map((c) => (s.findings[c] ? `**${s.findings[c]}**` : "0")).join(" | ")} |`,
  );
  const t = totals(stats);
  const requests = stats.reduce((n, s) => n + s.requests, 0);
  const total = `| **all (${stats.length})** | ${requests} | | ${CATEGORIES.map((c) => String(t[c])).join(" | ")} |`;
  const examples = stats.flatMap((s) => s.examples.map((e) => `- ${e}`));
  return [
    `### ${label}`,
    "",
    head,
    rule,
    ...rows,
    total,
    "",
    ...(examples.length > 0 ? ["Examples (first per operation and check):", "", ...examples, ""] : []),
  ].join("\n");
}

export const LEGEND = [
  "Columns: 5xx = server errors; undoc = status not in the operation's documented responses;",
  "schema = body or content type not as documented; shape = a 4xx/5xx without `{error:{code,message,details?}}`;",
  "leak = stack, source path, SQL or driver text in an answer; 2xx! = success for a caller who must not get one;",
  "anon≠401 = anonymous caller on a signed-in route not answered 401; csrf = a cookie write without or with a",
  "wrong CSRF token succeeded; down = no answer (timeout, connection refused).",
].join("\n");
