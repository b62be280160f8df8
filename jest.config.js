/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  // Generous: a busy 2-core machine can take several seconds for an App test; timeouts are not assertions.
  testTimeout: 30_000,
  extensionsToTreatAsEsm: [".ts"],
  // NodeNext-style "./x.js" imports in TypeScript sources resolve to the .ts file.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // The SPDX text index is built once per run into a temporary folder (DPG_SCREENER_DATA_DIR).
  globalSetup: "<rootDir>/test/global-setup.js",
  globalTeardown: "<rootDir>/test/global-teardown.js",
  // Fixture repositories may contain their own test files; they are data, not our tests.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/fixtures/"],
};
