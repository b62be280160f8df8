// Row 9a against what the hostile-input review found: secrets outside secret-named files, real
// .env files taken for templates, folders taken for test folders, keys behind decoys, keystores,
// and placeholders taken for secrets.
import { resultFor } from "../helpers/screen-memory.js";
import { MAX_SECRET_NAMED_FILES } from "../../src/indicators/shared/committed-secrets.js";

const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7b9f\n-----END RSA PRIVATE KEY-----\n";
const GITHUB_TOKEN = `ghp_${"R8x2Kq7Lm4Np9Ts1Vw6Yz3Bc5Df0Gh2Jk8Mn"}`;
const AWS_KEY = "AKIAZ3MTQXR4WJ7PLB2N";

const secretsOf = async (files: Record<string, string | Uint8Array>) => {
  const result = await resultFor("9a", { "SECURITY.md": "Report to security@example.org", ...files });
  return result.criteria?.[0];
};

describe("row 9a on hostile and careless repositories", () => {
  test.each([
    [
      "a token in source code",
      "src/config.ts",
      `export const token = "${GITHUB_TOKEN}";\n`,
      "a GitHub token is committed",
    ],
    [
      "an AWS key in docker-compose",
      "docker-compose.yml",
      `services:\n  app:\n    environment:\n      AWS_ACCESS_KEY_ID: ${AWS_KEY}\n`,
      "an AWS access key is committed",
    ],
    [
      "API_KEY: value in YAML",
      "config/settings.yml",
      "name: demo\nAPI_KEY: 9f8e7d6c5b4a3921x8y7\n",
      "a value is committed for API_KEY",
    ],
    [
      "AWS credentials",
      ".aws/credentials",
      "[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Lk2Tt9a\n",
      "a value is committed for aws_secret_access_key",
    ],
    [
      "a folder whose name contains 'spec'",
      "services/inspector/.env",
      "SECRET_KEY=q8Zr2Lx9Vb4Nm7Kt\n",
      "a value is committed for SECRET_KEY",
    ],
    [
      "a folder whose name contains 'test'",
      "deploy/latest/.env",
      "SECRET_KEY=q8Zr2Lx9Vb4Nm7Kt\n",
      "a value is committed for SECRET_KEY",
    ],
  ])("%s is found, by path, line and kind, without the value", async (_name, path, content, note) => {
    const criterion = await secretsOf({ [path]: content });
    expect(criterion?.outcome).toBe("fail");
    expect(criterion?.evidence).toContainEqual(expect.objectContaining({ path, note }));
    expect(JSON.stringify(criterion)).not.toMatch(/ghp_R8x2|AKIAZ3MT|wJalrXUt|hunter22x|q8Zr2Lx9|9f8e7d6c/);
  });

  // Development env files (.env.dev, .env.test, .env.ci) hold development values by design: a
  // made-up password there asks for a review, with the finding named, instead of failing the row.
  it.each([".env.dev", ".env.test", ".env.ci"])("a password in %s asks for review, without the value", async (path) => {
    const criterion = await secretsOf({ [path]: "DB_PASSWORD=hunter22x\n" });
    expect(criterion?.outcome).toBe("review");
    expect(JSON.stringify(criterion)).toContain(path);
    expect(JSON.stringify(criterion)).not.toContain("hunter22x");
  });

  test.each(["keystore.p12", "release.pfx", "android/app/release.jks", "signing.keystore"])(
    "a binary keystore (%s) is flagged by its name for review: unread, it is no proof of a secret",
    async (path) => {
      const criterion = await secretsOf({ [path]: new Uint8Array([0x30, 0x82, 0, 1, 2, 0, 3]) });
      expect(criterion?.outcome).toBe("review");
      expect(criterion?.evidence).toContainEqual({
        path,
        note: "a keystore is committed (a binary file, found by its name and not read): it may hold a real key",
      });
    },
  );

  test("a real key behind 25 decoy .pem files is found", async () => {
    const decoys = Object.fromEntries(
      Array.from({ length: 25 }, (_, index) => [
        `certs/a${String(index).padStart(2, "0")}.pem`,
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
      ]),
    );
    const criterion = await secretsOf({ ...decoys, "certs/z-server.pem": KEY });
    expect(criterion?.evidence).toContainEqual({
      path: "certs/z-server.pem",
      line: 1,
      note: "a private key is committed",
    });
  });

  test("past the cap on secret-named files, the row says how many were not read and asks for a review", async () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_SECRET_NAMED_FILES + 5 }, (_, index) => [
        `keys/k${String(index).padStart(3, "0")}.pem`,
        "-----BEGIN CERTIFICATE-----\n",
      ]),
    );
    const criterion = await secretsOf(files);
    expect(criterion?.outcome).toBe("review");
    expect(criterion?.evidence).toContainEqual({
      note: `Scanned ${MAX_SECRET_NAMED_FILES} file(s): ${MAX_SECRET_NAMED_FILES} named like keys, .env or credential files (5 more not read: at most ${MAX_SECRET_NAMED_FILES} per screen) and 0 source and configuration files, shallowest first.`,
    });
  });

  test("a secret file too large to read is said, and the row asks for a review", async () => {
    const criterion = await secretsOf({ ".env": `A=${"x".repeat(600 * 1024)}\n` });
    expect(criterion?.outcome).toBe("review");
    expect(criterion?.evidence).toContainEqual({
      path: ".env",
      note: "not scanned: 601 KiB, over the per-file cap, so not read",
    });
  });

  test.each([
    ["supersecret", "SESSION_SECRET=supersecret"],
    ["changeme", "DB_PASSWORD=changeme"],
    ["abcd…", "API_KEY=abcdefgh12345678"],
    ["<your-key>", "API_KEY=<your-key>"],
    ["xxx", "API_TOKEN=xxx"],
    ["${VAR}", "API_TOKEN=${API_TOKEN}"],
  ])("a placeholder (%s) is not a secret", async (_name, line) => {
    expect((await secretsOf({ ".env": `${line}\n` }))?.outcome).toBe("pass");
  });

  test("source code that reads a secret, or compares with one, is not a committed secret", async () => {
    const source = [
      "const password = process.env.DB_PASSWORD;",
      'token = get_token("service")',
      'if (password == "x") {}',
      'const label = { password: "Password" };',
      'const prompt = { token: "Enter your token here" };',
    ].join("\n");
    expect((await secretsOf({ "src/app.js": source }))?.outcome).toBe("pass");
  });

  test("test folders named as such are still fakes", async () => {
    expect(
      (await secretsOf({ "tests/fixtures/server.key": KEY, "spec/.env": "DB_PASSWORD=hunter22x\n" }))?.outcome,
    ).toBe("pass");
  });
});
