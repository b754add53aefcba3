import { MonitorError } from "../errors.ts";

/**
 * OEE = availability × performance × quality (Nakajima 1988), with the six big losses in time:
 * breakdowns and setup/adjustment (availability), small stops and reduced speed (performance),
 * start-up rejects and production rejects (quality, valued at the ideal cycle time). The identity
 * planned time − six losses = fully productive time (ideal cycle × good count) holds exactly
 * (shift time not covered by any state event counts as an extra "unaccounted" availability loss).
 */
export type MachineState = "running" | "breakdown" | "setup" | "small_stop" | "planned_stop";

export interface StateEvent {
  readonly line: string;
  readonly state: MachineState;
  readonly start: number;
  readonly end: number;
}

export interface CountRecord {
  readonly line: string;
  readonly timestamp: number;
  readonly total: number;
  readonly good: number;
  /** Rejects made while the line was starting up (after setup or a stop). */
  readonly startup?: boolean;
}

export interface Shift {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface SixBigLosses {
  readonly breakdowns: number;
  readonly setupAdjustments: number;
  readonly smallStops: number;
  readonly reducedSpeed: number;
  readonly startupRejects: number;
  readonly productionRejects: number;
  readonly unaccounted: number;
}

export interface OeeResult {
  readonly line: string;
  /** Shift name, or "all" for the line's total over every shift. */
  readonly shift: string;
  readonly plannedTime: number;
  readonly runTime: number;
  readonly totalCount: number;
  readonly goodCount: number;
  readonly availability: number;
  readonly performance: number;
  readonly quality: number;
  readonly oee: number;
  readonly fullyProductiveTime: number;
  /** Ideal cycle time × total count: the run time the output needed at ideal speed. */
  readonly idealTime: number;
  readonly losses: SixBigLosses;
}

export interface OeeOptions {
  /** Ideal cycle time per unit for each line, in timestamp units. */
  readonly idealCycleTime: Readonly<Record<string, number>>;
  /** Breakdowns shorter than this are small stops (a common convention; 0 keeps them breakdowns). */
  readonly smallStopThreshold?: number;
}

interface Acc {
  shiftTime: number;
  planned: number;
  breakdowns: number;
  setup: number;
  small: number;
  run: number;
  total: number;
  good: number;
  startupRejects: number;
}

const empty = (): Acc => ({
  shiftTime: 0,
  planned: 0,
  breakdowns: 0,
  setup: 0,
  small: 0,
  run: 0,
  total: 0,
  good: 0,
  startupRejects: 0,
});

export function computeOee(
  events: readonly StateEvent[],
  counts: readonly CountRecord[],
  shifts: readonly Shift[],
  opts: OeeOptions,
): OeeResult[] {
  const smallStop = opts.smallStopThreshold ?? 0;
  events.forEach((e, i) => {
    if (!(e.end >= e.start)) throw new MonitorError("BAD_EVENT", `state event ends before it starts`, i + 1);
  });
  counts.forEach((c, i) => {
    if (!(c.total >= 0 && c.good >= 0 && c.good <= c.total)) {
      throw new MonitorError("BAD_EVENT", "count needs 0 ≤ good ≤ total", i + 1);
    }
  });
  shifts.forEach((s, i) => {
    if (!(s.end > s.start))
      throw new MonitorError("BAD_EVENT", `shift ${s.name} ends before it starts`, i + 1);
  });
  const lines = [...new Set([...events.map((e) => e.line), ...counts.map((c) => c.line)])].sort();
  const out: OeeResult[] = [];
  for (const line of lines) {
    const ideal = opts.idealCycleTime[line];
    if (!(ideal > 0)) throw new MonitorError("BAD_PARAMETER", `no ideal cycle time for line ${line}`);
    const all = empty();
    for (const shift of shifts) {
      const a = empty();
      a.shiftTime = shift.end - shift.start;
      let planned = 0;
      let covered = 0;
      for (const e of events) {
        if (e.line !== line) continue;
        const d = Math.max(0, Math.min(e.end, shift.end) - Math.max(e.start, shift.start));
        if (d === 0) continue;
        covered += d;
        if (e.state === "planned_stop") planned += d;
        else if (e.state === "running") a.run += d;
        else if (e.state === "setup") a.setup += d;
        else if (e.state === "small_stop" || e.end - e.start < smallStop) a.small += d;
        else a.breakdowns += d;
      }
      a.planned = a.shiftTime - planned;
      // Small stops happen inside run time: the machine is nominally running.
      a.run += a.small;
      for (const c of counts) {
        if (c.line !== line || c.timestamp < shift.start || c.timestamp >= shift.end) continue;
        a.total += c.total;
        a.good += c.good;
        if (c.startup) a.startupRejects += c.total - c.good;
      }
      out.push(result(line, shift.name, a, ideal, Math.max(0, a.shiftTime - covered)));
      for (const k of Object.keys(a) as (keyof Acc)[]) all[k] += a[k];
    }
    // Time the events do not explain: planned time minus run (with small stops), setup and breakdowns.
    out.push(
      result(line, "all", all, ideal, Math.max(0, all.planned - all.run - all.setup - all.breakdowns)),
    );
  }
  return out;
}

function result(line: string, shift: string, a: Acc, ideal: number, unaccounted: number): OeeResult {
  const runTime = a.run;
  const availability = a.planned > 0 ? runTime / a.planned : 0;
  const performance = runTime > 0 ? Math.min(1, (ideal * a.total) / runTime) : 0;
  const quality = a.total > 0 ? a.good / a.total : 0;
  const rejects = a.total - a.good;
  return {
    line,
    shift,
    plannedTime: a.planned,
    runTime,
    totalCount: a.total,
    goodCount: a.good,
    availability,
    performance,
    quality,
    oee: availability * performance * quality,
    fullyProductiveTime: ideal * a.good,
    idealTime: ideal * a.total,
    losses: {
      breakdowns: a.breakdowns,
      setupAdjustments: a.setup,
      smallStops: a.small,
      reducedSpeed: Math.max(0, runTime - a.small - ideal * a.total),
      startupRejects: ideal * a.startupRejects,
      productionRejects: ideal * (rejects - a.startupRejects),
      unaccounted,
    },
  };
}

/**
 * Several results (machines of a line, periods of a machine) as one, from summed times — never
 * averaged ratios — so machines with different ideal cycle times weigh by their planned time:
 * availability = Σ run / Σ planned, performance = Σ ideal time / Σ run, quality = Σ(ideal × good)
 * / Σ ideal time (value-weighted), and their product is Σ fully productive time / Σ planned time.
 */
export function combineOee(parts: readonly OeeResult[], line: string, shift: string): OeeResult {
  const sum = (f: (r: OeeResult) => number) => parts.reduce((acc, r) => acc + f(r), 0);
  const planned = sum((r) => r.plannedTime);
  const run = sum((r) => r.runTime);
  const ideal = sum((r) => r.idealTime);
  const productive = sum((r) => r.fullyProductiveTime);
  const availability = planned > 0 ? run / planned : 0;
  const performance = run > 0 ? Math.min(1, ideal / run) : 0;
  const quality = ideal > 0 ? productive / ideal : 0;
  const loss = (k: keyof SixBigLosses) => sum((r) => r.losses[k]);
  return {
    line,
    shift,
    plannedTime: planned,
    runTime: run,
    totalCount: sum((r) => r.totalCount),
    goodCount: sum((r) => r.goodCount),
    availability,
    performance,
    quality,
    oee: availability * performance * quality,
    fullyProductiveTime: productive,
    idealTime: ideal,
    losses: {
      breakdowns: loss("breakdowns"),
      setupAdjustments: loss("setupAdjustments"),
      smallStops: loss("smallStops"),
      reducedSpeed: loss("reducedSpeed"),
      startupRejects: loss("startupRejects"),
      productionRejects: loss("productionRejects"),
      unaccounted: loss("unaccounted"),
    },
  };
}
