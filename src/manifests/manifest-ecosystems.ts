// The registry of manifest ecosystems: for each kind of manifest, the files it is read from and
// what it declares (mandatory dependencies with their lines, licence values, cloud resources).
// Adding an ecosystem is one entry here and its parser. Development, test and tooling
// dependencies are left out: the DPGA's platform guidance exempts them.
import type { Dependency, InfrastructureReference, ManifestLicense } from "../core/manifest-facts.js";
import type { ManifestText } from "./manifest-text.js";
import { dataPackageLicenses, jsonDependencies } from "./parse-json-manifests.js";
import { pyproject, requirements, setupCfg, setupPy } from "./parse-python-manifests.js";
import { gradle, maven, versionCatalog } from "./parse-jvm-manifests.js";
import {
  cargo,
  compose,
  dotnetProject,
  gemfile,
  gemspec,
  goModule,
  publiccode,
  pubspec,
  rDescription,
} from "./parse-line-manifests.js";
import { cloudFormation, firebaseProject, serverless, terraform, webConfig } from "./parse-infrastructure.js";

/** One library of a Gradle version catalog. */
export interface CatalogEntry {
  alias: string;
  name: string;
  version?: string;
  line: number;
}

/** What one parser reads out of one file. */
export interface ManifestContent {
  dependencies: Dependency[];
  licenses: ManifestLicense[];
  infrastructure?: InfrastructureReference[];
  /** What could not be read inside the file, in words for the rows that use it. */
  problems?: string[];
  /** Gradle `libs.*` references, resolved against the version catalog once every file is read. */
  catalogReferences?: { alias: string; line: number }[];
  catalog?: CatalogEntry[];
}

export interface ManifestEcosystem {
  /** What the files are, in words: "npm package.json". */
  id: string;
  /** Whether a file names its dependencies (row 4 says "no manifest" only when none of these exists). */
  listsDependencies: boolean;
  /** Whether the file can state the project's licence (the licence code reads the root ones). */
  declaresLicenses?: boolean;
  /** Whether the file is one, by its base name (lower-cased) and its path. */
  matches(name: string, path: string): boolean;
  read(file: ManifestText): ManifestContent;
}

const named =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

export const MANIFEST_ECOSYSTEMS: readonly ManifestEcosystem[] = [
  {
    id: "npm package.json",
    declaresLicenses: true,
    listsDependencies: true,
    matches: named("package.json"),
    read: jsonDependencies("npm", ["dependencies", "optionalDependencies"]),
  },
  {
    id: "Composer composer.json",
    declaresLicenses: true,
    listsDependencies: true,
    matches: named("composer.json"),
    read: jsonDependencies("composer", ["require"]),
  },
  {
    id: "Python requirements file",
    listsDependencies: true,
    matches: (name) => /^requirements[\w.-]*\.(txt|in)$/.test(name) && !/(dev|test|doc|lint|ci)/.test(name),
    read: requirements,
  },
  {
    id: "Python pyproject.toml",
    declaresLicenses: true,
    listsDependencies: true,
    matches: named("pyproject.toml"),
    read: pyproject,
  },
  {
    id: "Python setup.cfg",
    declaresLicenses: true,
    listsDependencies: false,
    matches: named("setup.cfg"),
    read: setupCfg,
  },
  {
    id: "Python setup.py",
    declaresLicenses: true,
    listsDependencies: false,
    matches: named("setup.py"),
    read: setupPy,
  },
  { id: "Cargo.toml", declaresLicenses: true, listsDependencies: true, matches: named("cargo.toml"), read: cargo },
  { id: "Go go.mod", listsDependencies: true, matches: named("go.mod"), read: goModule },
  { id: "Maven pom.xml", declaresLicenses: true, listsDependencies: true, matches: named("pom.xml"), read: maven },
  {
    id: "Gradle build file",
    listsDependencies: true,
    matches: named("build.gradle", "build.gradle.kts"),
    read: gradle,
  },
  {
    id: "Gradle version catalog",
    listsDependencies: false,
    matches: (name) => name.endsWith(".versions.toml"),
    read: versionCatalog,
  },
  { id: "RubyGems Gemfile", listsDependencies: true, matches: named("gemfile"), read: gemfile },
  {
    id: "RubyGems gemspec",
    declaresLicenses: true,
    listsDependencies: false,
    matches: (name) => name.endsWith(".gemspec"),
    read: gemspec,
  },
  {
    id: ".NET project",
    declaresLicenses: true,
    listsDependencies: true,
    matches: (name) => name.endsWith(".csproj") || name.endsWith(".fsproj"),
    read: dotnetProject,
  },
  { id: "Dart pubspec.yaml", listsDependencies: true, matches: named("pubspec.yaml"), read: pubspec },
  {
    id: "Compose file",
    listsDependencies: true,
    matches: (name) => /^(docker-)?compose([\w.-]*)?\.ya?ml$/.test(name) && !/(test|ci|e2e|dev)/.test(name),
    read: compose,
  },
  // R's DESCRIPTION is matched as written: a file named "description" in other casings is prose.
  {
    id: "R DESCRIPTION",
    declaresLicenses: true,
    listsDependencies: true,
    matches: (_name, path) => /(^|\/)DESCRIPTION$/.test(path),
    read: rDescription,
  },
  {
    id: "publiccode.yml",
    declaresLicenses: true,
    listsDependencies: false,
    matches: named("publiccode.yml", "publiccode.yaml"),
    read: publiccode,
  },
  {
    id: "Frictionless datapackage.json",
    declaresLicenses: true,
    listsDependencies: false,
    matches: named("datapackage.json"),
    read: dataPackageLicenses,
  },
  { id: "Terraform configuration", listsDependencies: false, matches: (name) => name.endsWith(".tf"), read: terraform },
  {
    id: "Serverless Framework configuration",
    listsDependencies: false,
    matches: named("serverless.yml", "serverless.yaml"),
    read: serverless,
  },
  {
    id: "CloudFormation or SAM template",
    listsDependencies: false,
    matches: (name) =>
      /^(template|cloudformation|samconfig)([\w.-]*)?\.(ya?ml|json)$/.test(name) || name.endsWith(".template.json"),
    read: cloudFormation,
  },
  { id: "IIS web.config", listsDependencies: false, matches: named("web.config"), read: webConfig },
  {
    id: "Firebase project",
    listsDependencies: false,
    matches: named("firebase.json", ".firebaserc"),
    read: firebaseProject,
  },
];

/** The ecosystem a file belongs to, if any. */
export function manifestEcosystem(path: string): ManifestEcosystem | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const lower = name.toLowerCase();
  return MANIFEST_ECOSYSTEMS.find((ecosystem) => ecosystem.matches(lower, path));
}
