/** Rough-cut capacity planning inputs. Periods are 0-based buckets (days, shifts, weeks). */

export interface CapacityResource {
  id: string;
  name?: string;
  /** Available hours per period; a number applies to every period. 0 = unavailable. */
  capacity: number | number[];
}

/** One way to run an operation: on `resource`, taking `hours`. */
export interface RoutingAlternative {
  resource: string;
  hours: number;
  /** Extra cost per unit of the operation moved here (default 1 for non-preferred alternatives). */
  cost?: number;
}

export interface Operation {
  id?: string;
  /** The first alternative is the preferred one. */
  alternatives: RoutingAlternative[];
}

export interface CapacityOrder {
  id: string;
  /** Preferred period. */
  period: number;
  /** Window the work may move within (defaults: the preferred period only). */
  earliest?: number;
  latest?: number;
  operations: Operation[];
}

export interface CapacityInput {
  periods: number;
  periodLabels?: string[];
  resources: CapacityResource[];
  orders: CapacityOrder[];
}

export interface BalanceOptions {
  /** Whole operations only (MIP) instead of splittable work (LP). Default false. */
  integral?: boolean;
  /** Cost of moving one operation one period away from its preferred period. Default 0.5. */
  periodShiftCost?: number;
  /** Utilisation above which load is discouraged (below 100 % overtime is penalised harder). Default 0.85. */
  targetUtilisation?: number;
  /**
   * A plan to stay close to (e.g. today's balanced plan in a what-if): placements it uses cost
   * nothing, any other placement costs an extra move.
   */
  reference?: Assignment[];
  /** Relative optimality gap at which a MIP solve may stop. Default 0.01. */
  mipGap?: number;
  /** Solver time limit in seconds. Default 30. */
  timeLimitSeconds?: number;
}

/** Where (a share of) one operation runs. */
export interface Assignment {
  order: string;
  operation: number;
  resource: string;
  period: number;
  /** Share of the operation placed here (1 = all of it). */
  fraction: number;
  hours: number;
  preferred: boolean;
}

export interface UtilisationReport {
  resources: string[];
  periods: number;
  /** load[r][p] in hours. */
  load: number[][];
  capacity: number[][];
  /** load / capacity; null where capacity is 0. */
  utilisation: Array<Array<number | null>>;
  /** Highest utilisation over cells with capacity. */
  peakUtilisation: number;
  peakAt: { resource: string; period: number } | null;
  /** Hours above capacity, summed over all cells (all load on a cell with no capacity counts). */
  overloadHours: number;
}

export interface BalanceResult {
  status: "optimal" | "time-limit";
  mode: "lp" | "mip";
  /** Every operation at its preferred resource and period. */
  before: UtilisationReport;
  after: UtilisationReport;
  assignments: Assignment[];
  /** Assignments away from the preferred resource or period. */
  moves: Assignment[];
  /** Operations (or shares) that fit nowhere in their window. */
  unscheduled: Array<{ order: string; operation: number; fraction: number }>;
  objective: number;
}
