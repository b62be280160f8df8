import { resultFor } from "../helpers/screen-memory.js";

const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecret\n-----END RSA PRIVATE KEY-----\n";

describe("indicator 9a: data privacy and security", () => {
  test("a committed private key fails, naming the path and never the key", async () => {
    const result = await resultFor("9a", { "deploy/server.key": KEY, "SECURITY.md": "Email security@example.org" });
    expect(result.outcome).toBe("fail");
    expect(result.evidence).toContainEqual({ path: "deploy/server.key", line: 1, note: "a private key is committed" });
    expect(JSON.stringify(result)).not.toContain("MIIEow");
    expect(result.fix?.text).toContain("rotate");
  });

  test("a .env with a credential value fails; placeholders and templates do not", async () => {
    expect((await resultFor("9a", { ".env": "PORT=3000\nDB_PASSWORD=hunter22\n" })).evidence).toContainEqual({ path: ".env", line: 2, note: "a value is committed for DB_PASSWORD" });
    expect((await resultFor("9a", { ".env": "DB_PASSWORD=changeme\nAPI_KEY=${API_KEY}\n" })).outcome).toBe("review");
    expect((await resultFor("9a", { ".env.example": "DB_PASSWORD=hunter22\n" })).outcome).toBe("review");
  });

  test("keys in test fixtures are fakes, not failures", async () => {
    expect((await resultFor("9a", { "test/fixtures/server.key": KEY })).outcome).toBe("review");
  });

  test("a certificate is not a secret", async () => {
    expect((await resultFor("9a", { "certs/ca.pem": "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n" })).outcome).toBe("review");
  });

  test("without a declaration the personal-data answer is asked for", async () => {
    const result = await resultFor("9a", { "SECURITY.md": "Report to security@example.org" });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.map((criterion) => criterion.outcome)).toEqual(["pass", "pass", "review"]);
  });

  test("declared personal-data protection with evidence is attested", async () => {
    const result = await resultFor("9a", {
      "SECURITY.md": "Report to security@example.org",
      ".github/dpg.yml": "doNoHarm:\n  dataPrivacySecurity:\n    personalData: stored\n    protection: Encrypted at rest; role-based access.\n    evidence: [docs/security.md]\n",
      "docs/security.md": "# Security",
    });
    expect(result.outcome).toBe("attested");
  });
});
