#!/usr/bin/env node
// The CLI runs from TypeScript source through tsx (nothing is emitted; see docs/architecture.md).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
