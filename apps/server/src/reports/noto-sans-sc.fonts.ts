import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface Face {
  file: string;
  ranges: [number, number][];
}

let faces: Face[] | undefined;

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@fontsource/noto-sans-sc/400.css"));
}

function parseRange(part: string): [number, number] {
  const body = part.trim().replace(/^U\+/i, "");
  if (body.includes("?")) {
    return [Number.parseInt(body.replaceAll("?", "0"), 16), Number.parseInt(body.replaceAll("?", "f"), 16)];
  }
  const [lo, hi] = body.split("-");
  return [Number.parseInt(lo, 16), Number.parseInt(hi ?? lo, 16)];
}

/** @fontsource's Noto Sans SC 400 faces: one woff2 file per unicode range. */
function loadFaces(): Face[] {
  const dir = fontDir();
  const css = readFileSync(join(dir, "400.css"), "utf8");
  const out: Face[] = [];
  for (const block of css.split("@font-face").slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const ranges = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file === undefined || ranges === undefined) continue;
    out.push({ file: join(dir, "files", file), ranges: ranges.split(",").map(parseRange) });
  }
  return out;
}

/**
 * @font-face rules for Noto Sans SC covering every character of `text`, each font file inlined as a
 * data: URL (the page is set from a string, so it cannot load files). Chromium embeds the glyphs it
 * uses into the PDF, so the report reads the same on a machine without Chinese fonts.
 */
export function notoSansScCss(text: string): string {
  faces ??= loadFaces();
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0) ?? 0);
  const used = faces.filter((f) => f.ranges.some(([lo, hi]) => [...codes].some((c) => c >= lo && c <= hi)));
  return used
    .map((f) => {
      const data = readFileSync(f.file).toString("base64");
      const range = f.ranges.map(([lo, hi]) =>
        lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`,
      );
      return `@font-face{font-family:'Noto Sans SC';font-weight:400;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range.join(",")};}`;
    })
    .join("\n");
}
