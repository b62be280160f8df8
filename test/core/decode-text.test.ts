import { decodeText } from "../../src/core/decode-text.js";

const utf16 = (text: string, endian: "le" | "be") => {
  const little = Buffer.from(text, "utf16le");
  const body = endian === "le" ? little : Buffer.from(little).swap16();
  return new Uint8Array([...(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
};

describe("decodeText", () => {
  test.each([
    ["UTF-8 with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, 0x4d, 0x49, 0x54]), { kind: "text", text: "MIT", bytes: 6 }],
    ["UTF-16 little-endian with a BOM", utf16("MIT Licence", "le"), { kind: "text", text: "MIT Licence", bytes: 24 }],
    ["UTF-16 big-endian with a BOM", utf16("MIT Licence", "be"), { kind: "text", text: "MIT Licence", bytes: 24 }],
    [
      "Latin-1 (not valid UTF-8)",
      new Uint8Array([0xa9, 0x20, 0x43, 0x61, 0x66, 0xe9]),
      { kind: "text", text: "© Café", bytes: 6 },
    ],
    ["bytes with NUL and no BOM", new Uint8Array([0x50, 0x00, 0x4b]), { kind: "binary", bytes: 3 }],
  ])("%s", (_name, bytes, expected) => {
    expect(decodeText(bytes, bytes.length, 1000)).toEqual(expected);
  });

  test("the byte cap wins over everything", () => {
    expect(decodeText(new Uint8Array(10), 5000, 1000)).toEqual({ kind: "too-large", bytes: 5000 });
  });
});
