// The manifest facts a screen establishes once and shares: what each package manifest,
// compose file and infrastructure file of the project declares (dependencies, licence
// values, cloud resources), and which candidates could not be read and why.

export type DependencyEcosystem =
  "npm" | "pypi" | "maven" | "go" | "cargo" | "composer" | "rubygems" | "nuget" | "pub" | "docker" | "cran";

/** One mandatory dependency, where it is declared. */
export interface Dependency {
  ecosystem: DependencyEcosystem;
  name: string;
  /** The version or range as written, when one is. */
  version?: string;
  path: string;
  /** 1-based line of the declaration. */
  line: number;
}

/** A licence value as a manifest writes it, e.g. "MIT", "GPLv3", "MIT + file LICENSE". */
export interface ManifestLicense {
  value: string;
  line: number;
  /**
   * The value split at top-level commas ("MIT, Apache-2.0"), when it has any: the licence code
   * decides whether the parts are licences or one name that holds a comma ("Apache License, Version 2.0").
   */
  items?: string[];
}

/** Where an infrastructure file ties the project to a platform: a provider, a resource type. */
export type InfrastructureKind = "terraform" | "cloudformation" | "serverless" | "iis" | "firebase";

export interface InfrastructureReference {
  kind: InfrastructureKind;
  /** The provider or resource type as written: "aws", "aws_s3_bucket", "AWS::SNS::Topic", "system.webServer". */
  name: string;
  path: string;
  line: number;
}

/** What one manifest that was read declares. */
export interface ParsedManifest {
  path: string;
  /** The manifest ecosystem's id in the registry ("package.json", "pom.xml"…). */
  format: string;
  /** True when the format lists dependencies (a licence-only manifest such as setup.py does not count). */
  listsDependencies: boolean;
  dependencies: Dependency[];
  licenses: ManifestLicense[];
  infrastructure: InfrastructureReference[];
  /** What could not be read inside the file (malformed JSON, a section of the wrong shape). */
  problems: string[];
}

/** A manifest that exists but was not read, with the reason in words ("is 30 MB, over the 512 KiB cap"). */
export interface UnreadManifest {
  path: string;
  reason: string;
  /** True when the format lists dependencies, so the dependency rows must say it was not read. */
  listsDependencies: boolean;
}

export interface ManifestFacts {
  manifests: ParsedManifest[];
  unread: UnreadManifest[];
  /** How many manifest candidates the listing holds outside tests, examples, vendored and tooling folders. */
  candidates: number;
  /** Candidates left out by the bound on manifests read (the deepest ones). */
  skipped: number;
  /** Set when reading the manifests itself failed. */
  failure?: string;
}

export const NO_MANIFEST_FACTS: ManifestFacts = { manifests: [], unread: [], candidates: 0, skipped: 0 };
