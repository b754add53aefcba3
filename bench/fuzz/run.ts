// The fuzz loop: every operation × every persona, `runs` fast-check draws each, every answer
// checked; ids from every answer feed the next operations' draws.
import { createHash } from "node:crypto";
import { USCC_ALPHABET, usccCheckChar } from "@clusterbrain/contracts";
import fc from "fast-check";
import { type Answer, CATEGORIES, type Category, checkAnswer, type Finding } from "./checks.ts";
import type { Operation } from "./openapi.ts";
import { type RequestCase, requestArbitrary } from "./request-arb.ts";
import { mustNotSucceed, PERSONAS, type Persona, PUBLIC_OPERATIONS } from "./rules.ts";
import type { Hints } from "./schema-arb.ts";
import type { FuzzTarget, Session } from "./target.ts";

export interface OperationStats {
  key: string;
  requests: number;
  statuses: Record<string, number>;
  findings: Record<Category, number>;
  /** A few reproducible examples per category. */
  examples: string[];
}

const TIMEOUT_MS = 30_000;
const EXAMPLES_PER_OPERATION = 6;
const MAX_IDS = 400;

/** A per-(operation, persona) seed from the run's seed, so `--only` replays the same draws. */
export function derivedSeed(seed: number, ...parts: string[]): number {
  return createHash("sha256")
    .update(`${seed}:${parts.join(":")}`)
    .digest()
    .readInt32LE(0);
}

const validUscc = fc
  .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(""))
  .map((body) => body + (usccCheckChar(body) ?? "0"));

function emptyStats(key: string): OperationStats {
  const findings = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  return { key, requests: 0, statuses: {}, findings, examples: [] };
}

/** An event stream never ends: its first chunk (the opening event or comment) is enough to check. */
async function firstChunk(res: Response): Promise<Buffer> {
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const { value } = await reader.read();
  await reader.cancel();
  return Buffer.from(value ?? new Uint8Array());
}

async function readAnswer(res: Response): Promise<Answer> {
  const contentType = res.headers.get("content-type") ?? "";
  const bytes = contentType.startsWith("text/event-stream")
    ? await firstChunk(res)
    : Buffer.from(await res.arrayBuffer());
  const text = /json|text|html|xml/.test(contentType) || contentType === "" ? bytes.toString("utf8") : "";
  let json: unknown;
  if (/json/.test(contentType))
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  return { status: res.status, contentType, text, json };
}

export class Fuzzer {
  readonly stats = new Map<string, OperationStats>();
  private readonly ids = new Set<string>();

  constructor(
    private readonly target: FuzzTarget,
    private readonly seed: number,
    private readonly runs: number,
  ) {}

  private hints: Hints = (name) => {
    if (name === "uscc") return validUscc;
    if ((name === "id" || /Ids?$/.test(name)) && this.ids.size > 0) return fc.constantFrom(...this.idList());
    return undefined;
  };

  private idList(): string[] {
    return [...this.ids].sort();
  }

  private harvest(v: unknown, key = ""): void {
    if (this.ids.size >= MAX_IDS) return;
    if (typeof v === "string" && (key === "id" || /Id$/.test(key)) && v.length < 200) this.ids.add(v);
    else if (Array.isArray(v)) for (const x of v) this.harvest(x, key);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) this.harvest(x, k);
  }

  /** Seeds the id pool with what every persona, and the other tenant, can see. */
  async warmUp(sessions: Session[]): Promise<void> {
    for (const s of sessions)
      for (const p of [
        "/api/v1/auth/me",
        "/api/v1/orgs?pageSize=100",
        "/api/v1/grants",
        "/api/v1/auth/tokens",
        `/api/v1/orgs/${s.orgId}/relations`,
        `/api/v1/orgs/${s.orgId}/members`,
      ]) {
        const res = await fetch(this.target.base + p, { headers: { cookie: s.cookie } });
        if (res.ok) this.harvest(await res.json());
      }
  }

  private record(
    op: Operation,
    persona: Persona,
    c: RequestCase,
    answer: Answer | undefined,
    found: Finding[],
  ) {
    const st = this.stats.get(op.key) ?? emptyStats(op.key);
    this.stats.set(op.key, st);
    st.requests += 1;
    if (answer) st.statuses[answer.status] = (st.statuses[answer.status] ?? 0) + 1;
    for (const f of found) {
      st.findings[f.category] += 1;
      const seen = st.examples.filter((e) => e.startsWith(`[${f.category}]`)).length;
      if (seen < 2 && st.examples.length < EXAMPLES_PER_OPERATION)
        st.examples.push(
          `[${f.category}] ${persona} ${c.kind}: ${op.method} ${(c.path + (c.query ? `?${c.query}` : "")).slice(0, 140)}` +
            `${c.body === undefined ? "" : ` body ${JSON.stringify(c.body.slice(0, 100))}`}` +
            `${c.contentType === undefined ? "" : ` (${c.contentType || "empty content type"})`}${hazardTags(c)} → ${f.message}`,
        );
    }
  }

  /** Sends one case as `persona`; `csrf` false leaves the token off a cookie write. */
  async send(op: Operation, persona: Persona, c: RequestCase, csrf: "ok" | "missing" | "wrong" = "ok") {
    const session = persona === "anonymous" ? undefined : this.target.sessions.get(persona);
    const headers: Record<string, string> = {};
    if (session) {
      headers.cookie = session.cookie;
      if (op.method !== "GET" && csrf !== "missing")
        headers["x-csrf-token"] = csrf === "ok" ? session.csrf : `${session.csrf.slice(0, -2)}xx`;
    }
    if (c.contentType !== undefined) headers["content-type"] = c.contentType;
    const url = `${this.target.base}${c.path}${c.query ? `?${c.query}` : ""}`;
    const sent = `${decodeSafe(c.path)} ${decodeSafe(c.query)} ${c.body ?? ""} ${Object.values(c.pathValues).join(" ")}`;
    let answer: Answer | undefined;
    const found: Finding[] = [];
    try {
      const res = await fetch(url, {
        method: op.method,
        headers,
        body: c.body,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      answer = await readAnswer(res);
    } catch (err) {
      found.push({ category: "down", message: `no answer: ${(err as Error).message}` });
    }
    if (answer) {
      found.push(...checkAnswer(op, answer, sent));
      this.harvest(answer.json);
      const ok = answer.status >= 200 && answer.status < 300;
      const why = mustNotSucceed(persona, op.key, session?.orgId, c.pathValues.id);
      if (ok && csrf !== "ok")
        found.push({
          category: "csrf",
          message: `${answer.status} for a cookie write with the CSRF token ${csrf}`,
        });
      else if (ok && why) found.push({ category: "forbidden-2xx", message: `${answer.status}: ${why}` });
      if (
        persona === "anonymous" &&
        !PUBLIC_OPERATIONS.has(op.key) &&
        answer.status !== 401 &&
        answer.status !== 414 &&
        answer.status !== 431
      )
        found.push({ category: "anonymous-not-401", message: `${answer.status} instead of 401` });
    }
    this.record(op, persona, c, answer, found);
  }

  /** Every persona × `runs` draws on one operation, then CSRF probes, then the fixture restored. */
  async fuzzOperation(op: Operation): Promise<void> {
    this.stats.set(op.key, this.stats.get(op.key) ?? emptyStats(op.key));
    for (const persona of PERSONAS) {
      const arb = requestArbitrary(op, { ids: this.idList(), hints: this.hints });
      const seed = derivedSeed(this.seed, op.key, persona);
      const draws = fc.sample(arb, { seed, numRuns: this.runs });
      for (const c of draws) await this.send(op, persona, c);
      if (persona !== "anonymous" && op.method !== "GET" && !PUBLIC_OPERATIONS.has(op.key)) {
        const valid = draws.filter((d) => d.kind === "valid").slice(0, 2);
        for (const c of valid.length > 0 ? valid : draws.slice(0, 2)) {
          await this.send(op, persona, c, "missing");
          await this.send(op, persona, c, "wrong");
        }
      }
      // Sign-out and token routes can end a persona's session without touching memberships.
      await this.target.restore(op.method !== "GET" && op.path.includes("/auth/"));
    }
  }

  /** The server still answers its health check. */
  async alive(): Promise<boolean> {
    try {
      const res = await fetch(`${this.target.base}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      return res.status === 200;
    } catch {
      return false;
    }
  }
}

/** Names the hazards a request carried, so a table of 500s says at a glance which input caused them. */
function hazardTags(c: RequestCase): string {
  const raw = `${c.path}?${c.query} ${c.body ?? ""}`;
  const tags: string[] = [];
  if (/%00|\\u0000/.test(raw)) tags.push("NUL");
  // JSON.stringify escapes only unpaired surrogates.
  if (/\\ud[89a-f][0-9a-f]{2}/i.test(c.body ?? "")) tags.push("lone surrogate");
  if (raw.length >= 100_000) tags.push("≥100k chars");
  return tags.length > 0 ? ` [carries ${tags.join(", ")}]` : "";
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
