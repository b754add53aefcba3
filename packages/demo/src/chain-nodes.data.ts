import { DOWNSTREAM_NODES } from "./chain-nodes.downstream.data.ts";
import { UPSTREAM_NODES } from "./chain-nodes.upstream.data.ts";
import type { DemoChainNode } from "./demo.types.ts";

/**
 * The demo industry chain (产业链): magnetic and electronic materials → inductors, capacitors and
 * other components → boards, assemblies and power modules → medical monitoring and imaging
 * devices → hospitals. Industry codes are GB/T 4754-2017 classes.
 */
export const CHAIN_NODES: readonly DemoChainNode[] = [...UPSTREAM_NODES, ...DOWNSTREAM_NODES];

export const CHAIN_NODE_BY_KEY: ReadonlyMap<string, DemoChainNode> = new Map(
  CHAIN_NODES.map((n) => [n.key, n]),
);
