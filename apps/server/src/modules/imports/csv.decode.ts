/**
 * Bytes to text: UTF-8 (BOM stripped) when valid, else GB18030 — what Excel on a Chinese
 * Windows writes for "CSV (逗号分隔)".
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
