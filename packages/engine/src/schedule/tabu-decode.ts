import { Decoder } from "./decoder.ts";
import type { CompiledInstance } from "./model.ts";
import type { SearchControl } from "./search-control.ts";
import { TabuTable } from "./search-control.ts";
import { SequenceState, type SolutionSnapshot } from "./solution.ts";
import type { SearchOutcome } from "./tabu-graph.ts";
import type { ScheduleObjective, StopReason } from "./types.ts";

/** Move an op after `anchor` (-1 = first) on machine alternative `alt`. */
interface Move {
  u: number;
  alt: number;
  anchor: number;
  /** Ops the move puts before u (arcs x→u) and after u (arcs u→x), for the tabu test. */
  before: number[];
  after: number[];
}

const MAX_EVALS = 60;

/**
 * Tabu search over the schedule-generation decoder, for what the graph search cannot model:
 * sequence-dependent setups, machine calendars and weighted tardiness. Every neighbour is
 * decoded exactly (O(ops)), so the neighbourhood is kept to the ops on one critical chain — the
 * chain behind the makespan or behind a tardy job chosen in proportion to its weighted tardiness —
 * with the same block moves and machine reassignments as the graph search.
 */
export function tabuDecodeSearch(
  ci: CompiledInstance,
  initial: SolutionSnapshot,
  objective: ScheduleObjective,
  ctl: SearchControl,
): SearchOutcome {
  const st = new SequenceState(ci);
  st.load(initial);
  const dec = new Decoder(ci);
  if (!dec.decode(st)) throw new Error("initial solution has a cycle");
  const value = () => (objective === "makespan" ? dec.makespan : dec.weightedTardiness);
  let best = st.snapshot();
  let bestValue = value();
  let bestSecond = dec.totalCompletion;
  const arcs = new TabuTable(ci.opCount);
  const assign = new TabuTable(Math.max(ci.opCount, ci.machineCount));
  const tenureBase = 8 + Math.floor(ci.jobCount / ci.machineCount);
  const maxStall = Math.max(300, 2 * ci.opCount);
  let stall = 0;
  let iter = 0;
  let stop: StopReason | null = null;
  for (;;) {
    stop = ctl.shouldStop(iter, bestValue);
    if (stop) break;
    iter++;
    let moves = neighbourhood(ci, st, dec, objective, ctl);
    if (moves.length === 0) moves = randomSwaps(ci, st, ctl);
    if (moves.length === 0) {
      stop = "lower-bound";
      break;
    }
    if (moves.length > MAX_EVALS) moves = sample(moves, MAX_EVALS, ctl);
    let chosen: Move | null = null;
    let chosenV = Number.POSITIVE_INFINITY;
    let chosenS = Number.POSITIVE_INFINITY;
    let reserve: Move | null = null;
    for (const mv of moves) {
      const undo = apply(st, mv);
      const ok = dec.decode(st);
      revert(st, mv.u, undo);
      if (!ok) continue;
      const v = value();
      const s = dec.totalCompletion;
      const tabu =
        assign.isTabu(mv.u, ci.altMachine[ci.altStart[mv.u] + mv.alt], iter) ||
        mv.before.some((x) => arcs.isTabu(x, mv.u, iter)) ||
        mv.after.some((x) => arcs.isTabu(mv.u, x, iter));
      if (tabu && !(v < bestValue || (v === bestValue && s < bestSecond))) {
        reserve ??= mv;
        continue;
      }
      if (v < chosenV || (v === chosenV && s < chosenS)) {
        chosen = mv;
        chosenV = v;
        chosenS = s;
      }
    }
    const mv = chosen ?? reserve;
    if (!mv) {
      dec.decode(st);
      continue;
    }
    const until = iter + tenureBase + ctl.rng.below(Math.ceil(tenureBase / 2) + 1);
    const oldMachine = st.machine[mv.u];
    for (const x of mv.before) arcs.forbid(mv.u, x, until);
    for (const x of mv.after) arcs.forbid(x, mv.u, until);
    if (st.alt[mv.u] !== mv.alt) assign.forbid(mv.u, oldMachine, until);
    const undo = apply(st, mv);
    if (!dec.decode(st)) {
      revert(st, mv.u, undo);
      dec.decode(st);
      continue;
    }
    const v = value();
    if (v < bestValue || (v === bestValue && dec.totalCompletion < bestSecond)) {
      const strict = v < bestValue;
      bestValue = v;
      bestSecond = dec.totalCompletion;
      best = st.snapshot();
      stall = 0;
      if (strict) ctl.improved(bestValue, iter);
    } else if (++stall > maxStall) {
      stall = 0;
      st.load(best);
      for (const m of randomSwaps(ci, st, ctl).slice(0, 3)) apply(st, m);
      if (!dec.decode(st)) {
        st.load(best);
        dec.decode(st);
      }
    }
  }
  return { best, bestValue, iterations: iter, stopReason: stop };
}

interface Undo {
  prev: number;
  alt: number;
}

function apply(st: SequenceState, mv: Move): Undo {
  const undo = { prev: st.mPrev[mv.u], alt: st.alt[mv.u] };
  st.remove(mv.u);
  st.setAlt(mv.u, mv.alt);
  st.insertAfter(mv.u, mv.anchor);
  return undo;
}

function revert(st: SequenceState, u: number, undo: Undo): void {
  st.remove(u);
  st.setAlt(u, undo.alt);
  st.insertAfter(u, undo.prev);
}

/** The chain of ops whose starts are fixed by their predecessors, ending at the target op. */
function criticalChain(
  ci: CompiledInstance,
  dec: Decoder,
  objective: ScheduleObjective,
  ctl: SearchControl,
): number[] {
  let target = -1;
  if (objective === "makespan") {
    let seen = 0;
    for (let o = 0; o < ci.opCount; o++)
      if (dec.end[o] === dec.makespan && ctl.rng.below(++seen) === 0) target = o;
  } else {
    let total = 0;
    for (let j = 0; j < ci.jobCount; j++) {
      const last = ci.jobStart[j + 1] - 1;
      const late = ci.weight[j] * Math.max(0, dec.end[last] - ci.due[j]);
      if (late > 0) {
        total += late;
        if (ctl.rng.next() * total < late) target = last;
      }
    }
  }
  const chain: number[] = [];
  for (let o = target; o >= 0; o = dec.critPred[o]) chain.push(o);
  return chain.reverse();
}

function neighbourhood(
  ci: CompiledInstance,
  st: SequenceState,
  dec: Decoder,
  objective: ScheduleObjective,
  ctl: SearchControl,
): Move[] {
  const chain = criticalChain(ci, dec, objective, ctl);
  const moves: Move[] = [];
  let i = 0;
  while (i < chain.length) {
    let j = i;
    while (j + 1 < chain.length && st.mNext[chain[j]] === chain[j + 1]) j++;
    if (j > i) blockMoves(st, chain.slice(i, j + 1), moves);
    i = j + 1;
  }
  for (const u of chain) {
    for (let a = 0; a < ci.altStart[u + 1] - ci.altStart[u]; a++) {
      const k = ci.altMachine[ci.altStart[u] + a];
      if (k !== st.machine[u]) reassignMoves(st, dec, u, a, k, moves);
    }
  }
  return moves;
}

function blockMoves(st: SequenceState, block: number[], moves: Move[]): void {
  const last = block.length - 1;
  const shift = (from: number, to: number) => {
    const u = block[from];
    if (from < to) {
      moves.push({ u, alt: st.alt[u], anchor: block[to], before: block.slice(from + 1, to + 1), after: [] });
    } else {
      moves.push({
        u,
        alt: st.alt[u],
        anchor: st.mPrev[block[to]],
        before: [],
        after: block.slice(to, from),
      });
    }
  };
  for (let k = 1; k <= last; k++) shift(k, 0);
  for (let k = 0; k < last; k++) shift(k, last);
  for (let k = 1; k < last; k++) {
    shift(0, k);
    shift(last, k);
  }
}

/** Insert u on machine k where its current start would fall, and one slot earlier. */
function reassignMoves(
  st: SequenceState,
  dec: Decoder,
  u: number,
  alt: number,
  k: number,
  moves: Move[],
): void {
  let prev = -1;
  let x = st.mFirst[k];
  while (x >= 0 && dec.start[x] < dec.start[u]) {
    prev = x;
    x = st.mNext[x];
  }
  moves.push({ u, alt, anchor: prev, before: [], after: [] });
  if (prev >= 0) moves.push({ u, alt, anchor: st.mPrev[prev], before: [], after: [] });
}

function randomSwaps(ci: CompiledInstance, st: SequenceState, ctl: SearchControl): Move[] {
  const moves: Move[] = [];
  for (let tries = 0; tries < 4 * ci.machineCount && moves.length < 8; tries++) {
    const k = ctl.rng.below(ci.machineCount);
    const seq = st.sequence(k);
    if (seq.length < 2) continue;
    const i = ctl.rng.below(seq.length - 1);
    const u = seq[i];
    moves.push({ u, alt: st.alt[u], anchor: seq[i + 1], before: [seq[i + 1]], after: [] });
  }
  return moves;
}

function sample(moves: Move[], count: number, ctl: SearchControl): Move[] {
  for (let i = 0; i < count; i++) {
    const j = i + ctl.rng.below(moves.length - i);
    [moves[i], moves[j]] = [moves[j], moves[i]];
  }
  return moves.slice(0, count);
}
