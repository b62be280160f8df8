// Turns raw bytes into text or says why they are not text. Shared by every snapshot so a
// binary or oversized file reads the same whether it comes from disk, GitHub or memory.
import type { FileRead } from "./snapshot.js";

/** Bytes sampled to decide whether a file is binary (git uses the first 8000). */
const BINARY_SNIFF_BYTES = 8000;

/** Decodes bytes as UTF-8 (invalid sequences become U+FFFD) unless they look binary. */
export function decodeText(bytes: Uint8Array, totalBytes: number, maxBytes: number): FileRead {
  if (totalBytes > maxBytes) return { kind: "too-large", bytes: totalBytes };
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { kind: "binary", bytes: totalBytes };
  let text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: "text", text, bytes: totalBytes };
}
