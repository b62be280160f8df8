import { resultFor } from "../helpers/screen-memory.js";
import { readManifest } from "../../src/manifests/build-manifest-facts.js";
import { MAX_MANIFESTS, manifestFiles } from "../../src/manifests/select-manifests.js";

const parseManifest = (path: string, text: string) => readManifest(path, text)?.dependencies ?? [];

const pkg = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) =>
  JSON.stringify({ dependencies, devDependencies }, null, 2);

describe("indicator 4: platform independence", () => {
  test("open dependencies pass and the core technologies are listed", async () => {
    const result = await resultFor("4", { "package.json": pkg({ react: "^18", pg: "^8" }), "src/app.ts": "" });
    expect(result.outcome).toBe("pass");
    expect(result.criteria?.[0]?.evidence?.[0]?.note).toContain("React");
  });

  test.each([
    ["Mapbox GL JS 2", { "package.json": pkg({ "mapbox-gl": "^2.15.0" }) }, "package.json"],
    [
      "MongoDB server image",
      { "docker-compose.yml": "services:\n  db:\n    image: mongo:6.0\n" },
      "docker-compose.yml",
    ],
    [
      "Elasticsearch 7.17",
      { "docker-compose.yml": "services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:7.17.0\n" },
      "docker-compose.yml",
    ],
    ["Redis 7.4", { "compose.yaml": "services:\n  cache:\n    image: redis:7.4-alpine\n" }, "compose.yaml"],
    [
      "Firebase on Android",
      {
        "app/pom.xml":
          "<dependency><groupId>com.google.firebase</groupId><artifactId>firebase-messaging</artifactId></dependency>",
      },
      "app/pom.xml",
    ],
  ])("%s is flagged for review with its line", async (_name, files, path) => {
    const result = await resultFor("4", files);
    expect(result.outcome).toBe("review");
    expect(result.evidence.some((item) => item.path === path && item.line !== undefined)).toBe(true);
  });

  test.each([
    ["Mapbox GL JS 1", { "package.json": pkg({ "mapbox-gl": "1.13.0" }) }],
    ["MongoDB 3.6", { "docker-compose.yml": "services:\n  db:\n    image: mongo:3.6\n" }],
    ["Redis 7.2", { "docker-compose.yml": "services:\n  db:\n    image: redis:7.2\n" }],
    ["a development dependency", { "package.json": pkg({ pg: "^8" }, { firebase: "^10" }) }],
    ["the MongoDB driver", { "package.json": pkg({ mongodb: "^6" }) }],
    [
      "Redis 7.4 in a development environment (.ddev)",
      {
        ".ddev/docker-compose.redis.yaml": "services:\n  redis:\n    image: redis:7.4\n",
        "package.json": pkg({ pg: "^8" }),
      },
    ],
    [
      "MongoDB in a dev container",
      {
        ".devcontainer/docker-compose.yml": "services:\n  db:\n    image: mongo:7\n",
        "package.json": pkg({ pg: "^8" }),
      },
    ],
  ])("%s is not flagged", async (_name, files) => {
    expect((await resultFor("4", files)).outcome).toBe("pass");
  });

  test.each([
    ["only development dependencies", { "package.json": pkg({}, { prettier: "3", jest: "^29" }) }, "package.json"],
    ["an empty requirements file", { "requirements.txt": "# nothing pinned yet\n" }, "requirements.txt"],
  ])("a manifest with no mandatory dependency (%s) is not a pass but a precise review", async (_name, files, path) => {
    const result = await resultFor("4", files);
    expect(result.outcome).toBe("review");
    expect(result.summary).toContain(`No mandatory dependency found in ${path}`);
    expect(result.summary).not.toContain("No closed component");
  });

  test.each([
    ["packages/*", "packages/app/package.json"],
    ["apps/*", "apps/web/package.json"],
    ["services/*", "services/api/package.json"],
    ["modules/*", "modules/maps/package.json"],
  ])("a monorepo package under %s is read and its closed components flagged", async (_name, path) => {
    const result = await resultFor("4", {
      "package.json": JSON.stringify({
        name: "root",
        private: true,
        workspaces: ["packages/*"],
        devDependencies: { prettier: "3" },
      }),
      [path]: pkg({ firebase: "^10.0.0", "mapbox-gl": "^2.15.0" }),
    });
    expect(result.outcome).toBe("review");
    expect(result.evidence.filter((item) => item.path === path).map((item) => item.note.split(":")[0])).toEqual([
      "firebase ^10.0.0",
      "mapbox-gl ^2.15.0",
    ]);
  });

  test("monorepo manifests are read after the root's and within the bound", () => {
    const packages = Array.from({ length: MAX_MANIFESTS + 5 }, (_unused, index) => `packages/p${index}/package.json`);
    const files = manifestFiles([
      ...packages,
      "package.json",
      "packages/a/deep/package.json",
      "other/x/package.json",
      "packages/p0/test/package.json",
    ]);
    expect(files[0]).toBe("package.json");
    expect(files).toHaveLength(MAX_MANIFESTS);
    expect(files).not.toContain("packages/a/deep/package.json");
    expect(files).not.toContain("other/x/package.json");
  });

  test("declared open alternatives make closed components attested", async () => {
    const result = await resultFor("4", {
      "package.json": pkg({ firebase: "^10" }),
      ".github/dpg.yml":
        "platformIndependence:\n  closedComponents: true\n  openAlternatives:\n    - component: firebase\n      alternative: Supabase\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("declaring no closed components while depending on one shows both sides", async () => {
    const result = await resultFor("4", {
      "package.json": pkg({ firebase: "^10" }),
      ".github/dpg.yml": "platformIndependence:\n  closedComponents: false\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.evidence.map((item) => item.path)).toEqual(
      expect.arrayContaining([".github/dpg.yml", "package.json"]),
    );
  });

  test("no manifest at all asks the maintainers", async () => {
    expect((await resultFor("4", { "README.md": "# x" })).outcome).toBe("review");
  });
});

describe("reading manifests", () => {
  test.each([
    ["requirements.txt", "# deps\nDjango>=4.2\nfirebase-admin==6.0\n", ["Django", "firebase-admin"]],
    [
      "pyproject.toml",
      '[project]\ndependencies = [\n  "fastapi>=0.1",\n]\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^3"\n',
      ["fastapi", "flask"],
    ],
    ["go.mod", "module x\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.0\n)\n", ["github.com/gin-gonic/gin"]],
    ["Cargo.toml", '[package]\nname = "x"\n[dependencies]\nserde = "1"\n[dev-dependencies]\ninsta = "1"\n', ["serde"]],
    ["Gemfile", "gem 'rails', '7.0'\ngroup :development, :test do\n  gem 'rspec'\nend\n", ["rails"]],
    [
      "build.gradle",
      "dependencies {\n  implementation 'com.google.firebase:firebase-auth:22.0.0'\n  testImplementation 'junit:junit:4.13'\n}\n",
      ["com.google.firebase:firebase-auth"],
    ],
    ["app.csproj", '<PackageReference Include="Newtonsoft.Json" Version="13.0.1" />', ["Newtonsoft.Json"]],
    [
      "pubspec.yaml",
      "name: x\ndependencies:\n  flutter:\n    sdk: flutter\n  firebase_core: ^2.0.0\ndev_dependencies:\n  test: ^1\n",
      ["flutter", "firebase_core"],
    ],
    [
      "composer.json",
      '{"require": {"laravel/framework": "^10"}, "require-dev": {"phpunit/phpunit": "^10"}}',
      ["laravel/framework"],
    ],
  ])("%s", (path, text, names) => {
    expect(parseManifest(path, text).map((dependency) => dependency.name)).toEqual(names);
  });

  test("a malformed manifest yields nothing rather than an error", () => {
    expect(parseManifest("package.json", "{ not json")).toEqual([]);
  });
});
