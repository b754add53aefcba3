import { MrpError } from "./mrp.errors.ts";
import type { BomLine } from "./mrp.types.ts";

/** The BOM as compressed sparse rows over item indices, plus low-level codes. */
export interface BomGraph {
  /** children of item i are childIndex[childStart[i] .. childStart[i+1]). */
  childStart: Int32Array;
  childIndex: Int32Array;
  /** Child units consumed per parent unit started: quantityPer × (1 + component scrap). */
  childFactor: Float64Array;
  /** Deepest level at which each item appears (0 = top); a child's code always exceeds its parents'. */
  lowLevelCode: Int32Array;
  /** Item indices sorted by low-level code (stable): the order MRP processes them. */
  processingOrder: Int32Array;
  maxLevel: number;
}

/**
 * Builds the graph and assigns low-level codes by Kahn's topological sort: a child is placed
 * only when all its parents are, so its code is 1 + the deepest parent's. Anything left over
 * lies on or below a cycle, which is then traced and reported by name.
 */
export function buildBomGraph(
  itemIds: readonly string[],
  index: ReadonlyMap<string, number>,
  bom: readonly BomLine[],
): BomGraph {
  const n = itemIds.length;
  const m = bom.length;
  const parentOf = new Int32Array(m);
  const childOf = new Int32Array(m);
  const childStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const line = bom[e];
    parentOf[e] = index.get(line.parent)!;
    childOf[e] = index.get(line.child)!;
    childStart[parentOf[e] + 1]++;
  }
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
  const fill = childStart.slice(0, n);
  const childIndex = new Int32Array(m);
  const childFactor = new Float64Array(m);
  const indegree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const slot = fill[parentOf[e]]++;
    childIndex[slot] = childOf[e];
    childFactor[slot] = bom[e].quantityPer * (1 + (bom[e].scrap ?? 0));
    indegree[childOf[e]]++;
  }

  const lowLevelCode = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue[tail++] = i;
  let maxLevel = 0;
  while (head < tail) {
    const u = queue[head++];
    const next = lowLevelCode[u] + 1;
    for (let k = childStart[u]; k < childStart[u + 1]; k++) {
      const c = childIndex[k];
      if (lowLevelCode[c] < next) lowLevelCode[c] = next;
      if (--indegree[c] === 0) {
        queue[tail++] = c;
        if (next > maxLevel) maxLevel = next;
      }
    }
  }
  if (tail < n) throw cycleError(itemIds, indegree, parentOf, childOf);

  // Counting sort by level keeps item order within a level, so results are deterministic.
  const perLevel = new Int32Array(maxLevel + 2);
  for (let i = 0; i < n; i++) perLevel[lowLevelCode[i] + 1]++;
  for (let l = 0; l <= maxLevel; l++) perLevel[l + 1] += perLevel[l];
  const processingOrder = new Int32Array(n);
  for (let i = 0; i < n; i++) processingOrder[perLevel[lowLevelCode[i]]++] = i;

  return { childStart, childIndex, childFactor, lowLevelCode, processingOrder, maxLevel };
}

/** Every item left with unprocessed parents has one of them also left over: walk parents until a repeat. */
function cycleError(
  itemIds: readonly string[],
  indegree: Int32Array,
  parentOf: Int32Array,
  childOf: Int32Array,
): MrpError {
  const remainingParent = new Int32Array(itemIds.length).fill(-1);
  // Pick the first qualifying edge per child so the reported cycle does not depend on hashing.
  for (let e = 0; e < parentOf.length; e++) {
    const c = childOf[e];
    if (indegree[c] > 0 && indegree[parentOf[e]] > 0 && remainingParent[c] === -1)
      remainingParent[c] = parentOf[e];
  }
  let start = 0;
  while (indegree[start] === 0) start++;
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let v = start;
  while (!seenAt.has(v)) {
    seenAt.set(v, walk.length);
    walk.push(v);
    v = remainingParent[v];
  }
  // walk runs child → parent; reverse so the message reads parent → child, starting at the smallest id.
  const loop = walk.slice(seenAt.get(v)).reverse();
  let first = 0;
  for (let k = 1; k < loop.length; k++) if (itemIds[loop[k]] < itemIds[loop[first]]) first = k;
  const ordered = [...loop.slice(first), ...loop.slice(0, first)].map((i) => itemIds[i]);
  ordered.push(ordered[0]);
  return new MrpError("BOM_CYCLE", `BOM cycle: ${ordered.join(" → ")}`, undefined, ordered);
}
