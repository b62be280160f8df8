// Turns raw bytes into text or says why they are not text. Shared by every snapshot so a
// binary or oversized file reads the same whether it comes from disk, GitHub or memory.
import type { FileRead } from "./snapshot.js";

/** Bytes sampled to decide whether a file is binary (git uses the first 8000). */
const BINARY_SNIFF_BYTES = 8000;

/** Decodes bytes as UTF-8 (or Windows-1252 when they are not UTF-8) unless they look binary. */
export function decodeText(bytes: Uint8Array, totalBytes: number, maxBytes: number): FileRead {
  if (totalBytes > maxBytes) return { kind: "too-large", bytes: totalBytes };
  // UTF-16 text (Windows editors save it with a byte-order mark) is full of NUL bytes, but it is text.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : undefined;
  if (utf16 !== undefined)
    return { kind: "text", text: new TextDecoder(utf16).decode(bytes.subarray(2)), bytes: totalBytes };
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { kind: "binary", bytes: totalBytes };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: older licence and README files are often Latin-1, where every byte is a
    // character, so quotes stay legible instead of filling with U+FFFD. (Node decodes the
    // "windows-1252" label as Latin-1; the C1 bytes it leaves are dropped by cleanText.)
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: "text", text, bytes: totalBytes };
}
