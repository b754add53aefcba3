import { z } from "zod";

/**
 * For the browser: zod compiles object parsers with `new Function` unless told not to, and the
 * web app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') blocks that and reports a
 * violation. Parsing stays correct without the JIT; the server keeps it for speed. zod decides when
 * a schema is built, so this module must run before any schema module: import it first, on its own
 * path (`@clusterbrain/contracts/zod-config`), not through the package index.
 */
z.config({ jitless: true });
