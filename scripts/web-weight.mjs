// Bytes of JavaScript a first visit to one screen downloads: the entry and every chunk it imports
// statically (what the browser fetches before the screen can render), from the Vite manifest.
// Usage: node scripts/web-weight.mjs [srcFile …]   (after `npm run build -w apps/web`)
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../apps/web/dist/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);

function closure(keys) {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  for (const k of keys) visit(k);
  return [...seen];
}

const screens = process.argv.slice(2);
const targets = screens.length ? screens : ["src/features/auth/login.page.tsx"];
for (const screen of targets) {
  const files = closure([entry, screen]).map((k) => manifest[k].file);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += statSync(join(dist, f)).size;
    gz += gzipSync(bytes).length;
  }
  const names = files.map((f) => f.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, ".js"));
  console.log(
    `${screen}: ${files.length} JS files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`,
  );
  console.log(`  ${names.sort().join(", ")}`);
}
