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
    expect((await resultFor("9a", { ".env": "PORT=3000\nDB_PASSWORD=hunter22\n" })).evidence).toContainEqual({
      path: ".env",
      line: 2,
      note: "a value is committed for DB_PASSWORD",
    });
    expect((await resultFor("9a", { ".env": "DB_PASSWORD=changeme\nAPI_KEY=${API_KEY}\n" })).outcome).toBe("review");
    expect((await resultFor("9a", { ".env.example": "DB_PASSWORD=hunter22\n" })).outcome).toBe("review");
  });

  test.each([
    ["a feature flag", "REACT_APP_AUTH_ENABLED=yes"],
    ["a password length", "PASSWORD_MIN_LENGTH=8"],
    ["a token lifetime", "TOKEN_EXPIRY_SECONDS=3600"],
    ["an auth provider", "GOOGLE_AUTH_PROVIDER=google"],
    ["an auth URL", "AUTH_URL=https://auth.example.org/oauth"],
    ["a token header name", "TOKEN_HEADER=Authorization"],
    ["a JWT algorithm", "JWT_SECRET_ALGORITHM=HS256"],
    ["a secret file path", "SECRET_FILE=/run/secrets/db_password"],
    ["a numeric value", "SECRET_SALT_ROUNDS_COUNT=12345678"],
    ["a short value", "DB_PASSWORD=root"],
    ["an author, not an auth setting", "REACT_APP_AUTHOR=JaneDoeExample"],
  ])("a .env setting that is not a credential (%s) is not a committed secret", async (_name, line) => {
    const result = await resultFor("9a", { ".env": `${line}\n`, "SECURITY.md": "Report to security@example.org" });
    expect(result.criteria?.[0]?.outcome).toBe("pass");
    expect(result.outcome).toBe("review");
  });

  test("the settings of the reported .env, next to empty values and placeholders, are not committed secrets", async () => {
    const env =
      "REACT_APP_AUTH_ENABLED=yes\nPASSWORD_MIN_LENGTH=8\nTOKEN_EXPIRY_SECONDS=3600\nGOOGLE_AUTH_PROVIDER=google\n" +
      'API_KEY=\nDB_PASSWORD=""\nAPI_TOKEN="${API_TOKEN}"\nCLIENT_SECRET=<your-client-secret>\nSTRIPE_SECRET_KEY=your_stripe_secret_key\nAUTH=false\nSESSION_SECRET=xxxxxxxxxxxx\n';
    const result = await resultFor("9a", { ".env": env });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]).toMatchObject({
      question: "Is the repository free of committed private keys and credentials?",
      outcome: "pass",
    });
  });

  test.each([
    ["an API key", "API_KEY=sk_live_ABCDEF1234567890SECRETVALUE", "API_KEY"],
    ["a quoted client secret", 'OAUTH_CLIENT_SECRET="d41d8cd98f00b204e9800998ecf8427e"', "OAUTH_CLIENT_SECRET"],
    ["an exported token", "export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "GITHUB_TOKEN"],
    ["a database password", "DB_PASSWORD=hunter22", "DB_PASSWORD"],
  ])("a .env with %s fails, naming the key and never the value", async (_name, line, key) => {
    const result = await resultFor("9a", { "ui/.env": `PORT=3000\nTOKEN_EXPIRY_SECONDS=3600\n${line}\n` });
    expect(result.outcome).toBe("fail");
    expect(result.criteria?.[0]?.evidence).toEqual([
      { path: "ui/.env", line: 3, note: `a value is committed for ${key}` },
      {
        note: "Scanned 1 file(s): 1 named like keys, .env or credential files and 0 source and configuration files, shallowest first.",
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(line.split("=")[1]?.replace(/"/g, "") ?? "");
  });

  test("keys in test fixtures are fakes, not failures", async () => {
    expect((await resultFor("9a", { "test/fixtures/server.key": KEY })).outcome).toBe("review");
  });

  test("a certificate is not a secret", async () => {
    expect(
      (await resultFor("9a", { "certs/ca.pem": "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n" }))
        .outcome,
    ).toBe("review");
  });

  test("without a declaration the personal-data answer is asked for", async () => {
    const result = await resultFor("9a", { "SECURITY.md": "Report to security@example.org" });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.map((criterion) => criterion.outcome)).toEqual(["pass", "pass", "review"]);
  });

  test("declared personal-data protection with evidence is attested", async () => {
    const result = await resultFor("9a", {
      "SECURITY.md": "Report to security@example.org",
      ".github/dpg.yml":
        "doNoHarm:\n  dataPrivacySecurity:\n    personalData: stored\n    protection: Encrypted at rest; role-based access.\n    evidence: [docs/security.md]\n",
      "docs/security.md": "# Security",
    });
    expect(result.outcome).toBe("attested");
  });
});

describe("fixes that fit the evidence", () => {
  test("with SECURITY.md found, the fix only asks for the declaration", async () => {
    const result = await resultFor("9a", { "SECURITY.md": "# Security\nReport to security@example.org\n" });
    expect(result.outcome).toBe("review");
    expect(result.fix?.text).not.toContain("SECURITY.md");
    expect(result.fix?.text).toMatch(/^Declare the PII level/);
  });

  test("without a security policy, the fix says to add SECURITY.md", async () => {
    const result = await resultFor("9a", { "README.md": "# x" });
    expect(result.fix?.text).toMatch(/^Add SECURITY\.md/);
  });
});

describe("values in development and compose files", () => {
  /** A compose file for a database service, with the password line given. */
  const compose = (passwordLine: string) =>
    `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      ${passwordLine}\n`;
  /** A value that looks generated: mixed case, digits and symbols, high entropy, made fresh per run. */
  const generated = () =>
    `Zq${Math.random().toString(36).slice(2, 10)}K9${Math.random().toString(36).slice(2, 8).toUpperCase()}#x`;

  test.each([
    ["a YAML anchor before an environment reference", "POSTGRES_PASSWORD: &pg_password ${DB_USERNAME}"],
    ["a YAML alias", "PGPASSWORD: *pg_password"],
    ["an environment reference", "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}"],
    ["a compose-escaped reference", "POSTGRES_PASSWORD: $$POSTGRES_PASSWORD"],
    ["a reference whose fallback is a documented default", "POSTGRES_PASSWORD: ${PG_PASSWORD:-postgres}"],
    ["a documented default", 'POSTGRES_PASSWORD: "mysecretpassword"'],
    ["a product's documented default", "DB_PASSWORD: dhis"],
    ["a typed word with digits", 'DB_PASSWORD: "devpassword2024"'],
  ])("%s in a compose file is not a committed secret", async (_name, line) => {
    const result = await resultFor("9a", {
      "docker-compose.yml": compose(line),
      "SECURITY.md": "security@example.org",
    });
    expect(result.criteria?.[0]?.outcome).toBe("pass");
  });

  test.each([
    ["docker-compose.yml"],
    ["compose.dev.yaml"],
    ["config/settings.development.yml"],
    [".env.development"],
    ["config.example.yml"],
  ])("a generated-looking password in %s asks for a review, naming the key and never the value", async (path) => {
    const value = generated();
    const body = path.startsWith(".env") ? `DB_PASSWORD=${value}\n` : compose(`POSTGRES_PASSWORD: "${value}"`);
    const result = await resultFor("9a", { [path]: body, "SECURITY.md": "security@example.org" });
    expect(result.criteria?.[0]?.outcome).toBe("review");
    expect(result.outcome).not.toBe("fail");
    expect(result.criteria?.[0]?.evidence?.[0]?.note).toMatch(
      /^a generated-looking value is committed for (POSTGRES|DB)_PASSWORD in a development file: it may be a live credential/,
    );
    expect(result.summary).toContain(`values in ${path} must be confirmed`);
    expect(JSON.stringify(result)).not.toContain(value);
  });

  test("the same generated value in a production compose file or a plain config file fails", async () => {
    for (const path of ["docker-compose.prod.yml", "config/settings.yml"]) {
      const result = await resultFor("9a", { [path]: compose(`POSTGRES_PASSWORD: "${generated()}"`) });
      expect(result.outcome).toBe("fail");
    }
  });

  test("a password hash, even commented out in a compose file, asks for a review", async () => {
    const hash = `$$apr1$$${generated().slice(0, 8)}$$${generated()}`;
    const result = await resultFor("9a", {
      "docker-compose.yaml": `services:\n  proxy:\n    labels:\n      # - "traefik.http.middlewares.auth.basicauth.users=test:${hash}"\n`,
    });
    expect(result.criteria?.[0]?.outcome).toBe("review");
    expect(result.criteria?.[0]?.evidence?.[0]?.note).toMatch(/^a password hash is committed for traefik\./);
  });

  test("a documented default password in a real .env asks for a review, not a fail", async () => {
    const result = await resultFor("9a", { ".env": "POSTGRES_PASSWORD=minioadmin\n" });
    expect(result.criteria?.[0]?.outcome).toBe("review");
    expect(result.criteria?.[0]?.evidence?.[0]?.note).toBe(
      "POSTGRES_PASSWORD is set to a documented default password, which a deployment may keep",
    );
  });

  test.each([
    ["a private key block", () => `${KEY}`],
    [
      "an AWS access key",
      () =>
        `AWS_ACCESS_KEY_ID: AKIA${"QWERTYUIOPASDFGH"
          .split("")
          .sort(() => Math.random() - 0.5)
          .join("")}`,
    ],
    ["a GitHub token", () => `GITHUB_TOKEN: ghp_${generated().replace(/\W/g, "").padEnd(36, "7").slice(0, 36)}`],
    ["a Slack token", () => `SLACK_TOKEN: xoxb-1234567890-${generated().replace(/\W/g, "")}`],
  ])("%s fails even in a development compose file", async (_name, line) => {
    const text = line();
    const body = text.startsWith("-----") ? text : compose(text);
    const result = await resultFor("9a", { "docker-compose.dev.yml": body });
    expect(result.outcome).toBe("fail");
  });
});
