import { IMPORT_MAX_BYTES, type ImportFormat } from "@clusterbrain/contracts";

/** The import format a file name implies, or null for anything else. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return ext === "csv" ? "csv" : ext === "xlsx" ? "xlsx" : null;
}

export type FileProblem = "badFormat" | "tooLarge";

/** Why a chosen file cannot be sent, checked before reading it (the server checks again). */
export function fileProblem(fileName: string, size: number): FileProblem | null {
  if (formatOf(fileName) === null) return "badFormat";
  if (size > IMPORT_MAX_BYTES) return "tooLarge";
  return null;
}

/** Standard base64 of raw bytes, in chunks so large files do not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
