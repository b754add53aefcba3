import type { KeyObject } from "node:crypto";
import { KeyRing, verifyDigest } from "./keys.ts";
import { checkpointDigest, countersignDigest, eventHash, GENESIS_HASH } from "./ledger.ts";
import type {
  ChainExport,
  ChainProblem,
  Checkpoint,
  LedgerEvent,
  ProblemKind,
  VerifyReport,
} from "./ledger.types.ts";
import { lisMembership } from "./lis.ts";

/** Checks one event on its own: hash, key and signature. Null when it is genuine. */
function checkEvent(
  ev: LedgerEvent,
  orgId: string,
  keys: KeyRing,
): { kind: ProblemKind; message: string } | null {
  if (ev.orgId !== orgId) return { kind: "altered", message: `belongs to ${ev.orgId}, not to ${orgId}` };
  if (eventHash(ev) !== ev.hash) return { kind: "altered", message: "content does not match its hash" };
  const key = keys.lookup(ev.orgId, ev.keyId, ev.at);
  if (key === "unknown-key") return { kind: "unknown-key", message: `signed with unknown key ${ev.keyId}` };
  if (key === "key-not-valid")
    return { kind: "key-not-valid", message: `key ${ev.keyId} was not valid at ${ev.at}` };
  if (!verifyDigest(ev.hash, ev.signature, key))
    return { kind: "altered", message: "signature does not verify" };
  return null;
}

function checkCheckpoint(cp: Checkpoint, keys: KeyRing, requireCountersign: boolean): string | null {
  const key: KeyObject | string = keys.lookup(cp.orgId, cp.keyId, cp.at);
  if (typeof key === "string") return `checkpoint key ${cp.keyId}: ${key}`;
  if (!verifyDigest(checkpointDigest(cp), cp.signature, key)) return "checkpoint signature does not verify";
  const cs = cp.countersignature;
  if (cs === undefined) return requireCountersign ? "checkpoint is not countersigned" : null;
  const opKey = keys.lookup(cs.orgId, cs.keyId, cs.at);
  if (typeof opKey === "string") return `countersigning key ${cs.keyId}: ${opKey}`;
  if (!verifyDigest(countersignDigest(cp, cs.orgId, cs.at), cs.signature, opKey)) {
    return "countersignature does not verify";
  }
  return null;
}

/**
 * Verifies an exported chain and names every problem by sequence number: an event whose content
 * or signature was changed (altered), a sequence number absent up to the signed head (missing),
 * an extra event — a duplicate sequence number or one past the head (inserted), events out of
 * order (reordered: those outside every longest run in order), links that do not join, and
 * checkpoints that disagree with the chain.
 */
export function verifyChain(chain: ChainExport): VerifyReport {
  const keys = new KeyRing(chain.publicKeys);
  const problems: ChainProblem[] = [];
  const events = chain.events;
  const own = events.map((ev) => checkEvent(ev, chain.orgId, keys));

  // One event per sequence number: among duplicates keep the genuine one that sits where it should.
  const bySeq = new Map<number, number[]>();
  events.forEach((ev, i) => {
    const list = bySeq.get(ev.seq);
    if (list === undefined) bySeq.set(ev.seq, [i]);
    else list.push(i);
  });
  const inserted = new Set<number>();
  for (const [seq, idx] of bySeq) {
    if (idx.length === 1) continue;
    const score = (i: number): number =>
      (own[i] === null ? 4 : 0) +
      (events[i - 1]?.seq === seq - 1 ? 1 : 0) +
      (events[i + 1]?.seq === seq + 1 ? 1 : 0);
    const keep = idx.reduce((best, i) => (score(i) > score(best) ? i : best), idx[0]);
    for (const i of idx) if (i !== keep) inserted.add(i);
  }
  const headSeq = chain.head?.seq;
  events.forEach((ev, i) => {
    if (!Number.isInteger(ev.seq) || ev.seq < 1 || (headSeq !== undefined && ev.seq > headSeq))
      inserted.add(i);
  });

  const kept: number[] = [];
  events.forEach((ev, i) => {
    if (inserted.has(i)) {
      const why = own[i] === null ? "a copy of a genuine event" : own[i]?.message;
      problems.push({ kind: "inserted", seq: ev.seq, message: `extra event at position ${i + 1} (${why})` });
    } else {
      kept.push(i);
      const p = own[i];
      if (p !== null) problems.push({ kind: p.kind, seq: ev.seq, message: p.message });
    }
  });

  const inEvery = lisMembership(kept.map((i) => events[i].seq));
  kept.forEach((i, k) => {
    if (!inEvery[k]) {
      problems.push({ kind: "reordered", seq: events[i].seq, message: `out of order at position ${i + 1}` });
    }
  });

  const ordered = [...kept].sort((a, b) => events[a].seq - events[b].seq);
  const last = Math.max(events[ordered.at(-1) ?? -1]?.seq ?? 0, headSeq ?? 0);
  let expected = 1;
  let prev: number | null = null;
  for (const i of ordered) {
    const ev = events[i];
    for (; expected < ev.seq; expected++)
      problems.push({ kind: "missing", seq: expected, message: "event is missing" });
    const prevEv = prev === null ? null : events[prev];
    const linkTo = ev.seq === 1 ? GENESIS_HASH : prevEv?.seq === ev.seq - 1 ? prevEv.hash : null;
    if (
      linkTo !== null &&
      ev.prevHash !== linkTo &&
      own[i] === null &&
      (prev === null || own[prev] === null)
    ) {
      problems.push({ kind: "broken-link", seq: ev.seq, message: `does not link to event ${ev.seq - 1}` });
    }
    expected = ev.seq + 1;
    prev = i;
  }
  for (; expected <= last; expected++)
    problems.push({ kind: "missing", seq: expected, message: "event is missing" });

  const bySeqKept = new Map(kept.map((i) => [events[i].seq, events[i]]));
  const anchors: [Checkpoint, boolean][] = (chain.checkpoints ?? []).map((cp) => [cp, true]);
  if (chain.head !== undefined) anchors.push([chain.head, false]);
  for (const [cp, anchored] of anchors) {
    const label = anchored ? "anchored checkpoint" : "signed head";
    const bad = cp.orgId !== chain.orgId ? `belongs to ${cp.orgId}` : checkCheckpoint(cp, keys, anchored);
    if (bad !== null) {
      problems.push({ kind: "bad-checkpoint", seq: cp.seq, message: `${label}: ${bad}` });
      continue;
    }
    const ev = bySeqKept.get(cp.seq);
    if (ev !== undefined && ev.hash !== cp.hash) {
      problems.push({ kind: "altered", seq: cp.seq, message: `differs from the ${label} of ${cp.at}` });
    }
  }

  problems.sort((a, b) => a.seq - b.seq);
  return { ok: problems.length === 0, events: events.length, problems };
}
