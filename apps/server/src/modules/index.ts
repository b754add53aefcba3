import type { FeatureModule } from "./module.ts";

/**
 * Every feature module, registered under /api/v1 in this order. To add one, import its
 * `<x>Module` from `./<x>/<x>.routes.ts` and add it to the list (one line each).
 */
export const modules: FeatureModule[] = [];
