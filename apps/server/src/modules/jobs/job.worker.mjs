// Worker threads do not inherit tsx's loader (npm start, the CLI) nor vitest's transform:
// register tsx in this thread, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
const worker = await import("./job.worker.ts");
export default worker.default;
