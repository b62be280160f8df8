// Reads the mandatory dependencies out of one manifest of a major ecosystem. Development,
// test and tooling dependencies are left out: the DPGA's platform guidance exempts them.
import { lineOf } from "../../core/find-files.js";
import { basename } from "../../core/find-files.js";

export interface Dependency {
  ecosystem: "npm" | "pypi" | "maven" | "go" | "cargo" | "composer" | "rubygems" | "nuget" | "pub" | "docker";
  name: string;
  /** The version or range as written, when one is. */
  version?: string;
  path: string;
  line: number;
}

type Parser = (text: string, path: string) => Dependency[];

/** Which parser reads a manifest, by file name. */
export function manifestParser(path: string): Parser | undefined {
  const name = basename(path).toLowerCase();
  if (name === "package.json") return jsonSection("npm", ["dependencies", "optionalDependencies"]);
  if (name === "composer.json") return jsonSection("composer", ["require"]);
  if (/^requirements[\w.-]*\.(txt|in)$/.test(name) && !/(dev|test|doc|lint|ci)/.test(name)) return requirements;
  if (name === "pyproject.toml") return pyproject;
  if (name === "cargo.toml") return tomlSection("cargo", /^\[(dependencies|target\..*\.dependencies)\]$/);
  if (name === "go.mod") return goModule;
  if (name === "pom.xml") return maven;
  if (name === "build.gradle" || name === "build.gradle.kts") return gradle;
  if (name === "gemfile") return gemfile;
  if (name.endsWith(".csproj") || name.endsWith(".fsproj")) return nuget;
  if (name === "pubspec.yaml") return pubspec;
  if (/^(docker-)?compose([\w.-]*)?\.ya?ml$/.test(name) && !/(test|ci|e2e|dev)/.test(name)) return compose;
  return undefined;
}

export function parseManifest(path: string, text: string): Dependency[] {
  try {
    return manifestParser(path)?.(text, path) ?? [];
  } catch {
    return []; // A malformed manifest is not evidence of anything.
  }
}

function at(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index === -1 ? 1 : lineOf(text, index);
}

function jsonSection(ecosystem: Dependency["ecosystem"], sections: string[]): Parser {
  return (text, path) => {
    const json = JSON.parse(text) as Record<string, unknown>;
    return sections
      .flatMap((section) => Object.entries((json[section] ?? {}) as Record<string, unknown>))
      .map(([name, version]) => ({ ecosystem, name, version: String(version), path, line: at(text, `"${name}"`) }));
  };
}

function linesMatching(
  text: string,
  path: string,
  ecosystem: Dependency["ecosystem"],
  pattern: RegExp,
  inScope: (line: string) => boolean = () => true,
): Dependency[] {
  const found: Dependency[] = [];
  text.split("\n").forEach((line, index) => {
    if (!inScope(line)) return;
    const match = pattern.exec(line);
    if (match?.[1] !== undefined)
      found.push({ ecosystem, name: match[1], ...(match[2] ? { version: match[2] } : {}), path, line: index + 1 });
  });
  return found;
}

const requirements: Parser = (text, path) =>
  linesMatching(text, path, "pypi", /^\s*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(?:[=<>!~]=?\s*([\w.*]+))?/);

/** Lines inside TOML sections whose header matches `section`. */
function tomlScope(section: RegExp): (line: string) => boolean {
  let inside = false;
  return (line) => {
    if (/^\s*\[/.test(line)) inside = section.test(line.trim());
    return inside && !/^\s*\[/.test(line);
  };
}

function tomlSection(ecosystem: Dependency["ecosystem"], section: RegExp): Parser {
  return (text, path) =>
    linesMatching(
      text,
      path,
      ecosystem,
      /^\s*([\w.-]+)\s*=\s*(?:"([^"]*)"|\{.*?version\s*=\s*"([^"]*)")?/,
      tomlScope(section),
    );
}

const pyproject: Parser = (text, path) => {
  const poetry = tomlSection("pypi", /^\[tool\.poetry\.dependencies\]$/)(text, path).filter(
    (dependency) => dependency.name !== "python",
  );
  let inArray = false;
  const project = linesMatching(
    text,
    path,
    "pypi",
    /^\s*["']([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(?:[=<>!~]=?\s*([\w.*]+))?/,
    (line) => {
      if (/^\s*dependencies\s*=\s*\[/.test(line)) inArray = true;
      else if (inArray && /\]/.test(line) && !/["']/.test(line)) inArray = false;
      return inArray;
    },
  );
  return [...project, ...poetry];
};

const goModule: Parser = (text, path) => {
  let block = false;
  return linesMatching(text, path, "go", /^\s*(?:require\s+)?([\w.-]+\.[\w./-]+)\s+(v[\w.+-]+)/, (line) => {
    if (/^\s*require\s*\(/.test(line)) block = true;
    else if (/^\s*\)/.test(line)) block = false;
    return block || /^\s*require\s+\S/.test(line);
  });
};

const maven: Parser = (text, path) => {
  const found: Dependency[] = [];
  for (const match of text.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = match[1] ?? "";
    if (/<scope>\s*(test|provided)\s*<\/scope>/.test(body)) continue;
    const group = /<groupId>\s*([^<]+?)\s*<\/groupId>/.exec(body)?.[1];
    const artifact = /<artifactId>\s*([^<]+?)\s*<\/artifactId>/.exec(body)?.[1];
    const version = /<version>\s*([^<]+?)\s*<\/version>/.exec(body)?.[1];
    if (group && artifact)
      found.push({
        ecosystem: "maven",
        name: `${group}:${artifact}`,
        ...(version ? { version } : {}),
        path,
        line: lineOf(text, match.index ?? 0),
      });
  }
  return found;
};

const gradle: Parser = (text, path) =>
  linesMatching(
    text,
    path,
    "maven",
    /^\s*(?:implementation|api|compile|runtimeOnly|runtime)\s*\(?\s*["']([\w.-]+:[\w.-]+)(?::([\w.+-]+))?["']/,
  );

const gemfile: Parser = (text, path) => {
  let depth = 0;
  return linesMatching(text, path, "rubygems", /^\s*gem\s+["']([\w.-]+)["'](?:\s*,\s*["']([^"']+)["'])?/, (line) => {
    if (/^\s*group\s.*:(development|test)\b.*\bdo\b/.test(line)) depth += 1;
    else if (depth > 0 && /^\s*end\b/.test(line)) depth -= 1;
    return depth === 0;
  });
};

const nuget: Parser = (text, path) =>
  linesMatching(text, path, "nuget", /<PackageReference\s+Include="([^"]+)"(?:\s+Version="([^"]+)")?/);

const pubspec: Parser = (text, path) => {
  let inside = false;
  return linesMatching(text, path, "pub", /^ {2}([\w-]+):\s*\^?([\w.+-]+)?/, (line) => {
    if (/^\S/.test(line)) inside = /^dependencies:/.test(line);
    return inside;
  });
};

const compose: Parser = (text, path) =>
  linesMatching(text, path, "docker", /^\s*image:\s*["']?([^"'\s]+)/).map((dependency) => {
    const reference = dependency.name.split("@")[0] ?? "";
    const colon = reference.lastIndexOf(":");
    const tagged = colon > reference.lastIndexOf("/");
    return {
      ...dependency,
      name: tagged ? reference.slice(0, colon) : reference,
      ...(tagged ? { version: reference.slice(colon + 1) } : {}),
    };
  });
