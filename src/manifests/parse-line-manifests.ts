// Manifests read line by line: go.mod, Cargo.toml, Gemfile and gemspecs, .NET projects,
// Dart's pubspec.yaml, Compose files, publiccode.yml and R's DESCRIPTION.
import type { Dependency } from "../core/manifest-facts.js";
import type { ManifestContent } from "./manifest-ecosystems.js";
import {
  dependencyEntry,
  dependencyLines,
  eachLine,
  licenseLines,
  licenseValue,
  type ManifestText,
} from "./manifest-text.js";
import { tomlLicenseField } from "./parse-python-manifests.js";
import { tomlDependencies } from "./parse-toml-sections.js";

export function cargo(file: ManifestText): ManifestContent {
  return {
    dependencies: tomlDependencies(file, "cargo", /^\[(dependencies|target\..*\.dependencies)\]$/),
    licenses: tomlLicenseField(file),
  };
}

export function goModule(file: ManifestText): ManifestContent {
  let block = false;
  const dependencies = dependencyLines(
    file,
    "go",
    /^[ \t]*(?:require[ \t]+)?((?=[\w.-][\w-]*\.[\w./-])[\w./-]+)[ \t]+(v[\w.+-]+)/,
    (line) => {
      if (/^[ \t]*require[ \t]*\(/.test(line)) block = true;
      else if (/^[ \t]*\)/.test(line)) block = false;
      return block || /^[ \t]*require[ \t]+\S/.test(line);
    },
  );
  return { dependencies, licenses: [] };
}

export function gemfile(file: ManifestText): ManifestContent {
  let depth = 0;
  const dependencies = dependencyLines(
    file,
    "rubygems",
    /^[ \t]*gem[ \t]+["']([\w.-]+)["'](?:[ \t]*,[ \t]*["']([^"']+)["'])?/,
    (line) => {
      if (/^[ \t]*group[ \t].*:(development|test)\b.*\bdo\b/.test(line)) depth += 1;
      else if (depth > 0 && /^[ \t]*end\b/.test(line)) depth -= 1;
      return depth === 0;
    },
  );
  return { dependencies, licenses: [] };
}

export function gemspec(file: ManifestText): ManifestContent {
  return {
    dependencies: [],
    licenses: [
      ...licenseLines(file.text, /\.license[ \t]*=[ \t]*["']([^"']+)["']/),
      ...licenseLines(file.text, /\.licenses[ \t]*=[ \t]*\[[ \t]*["']([^"']+)["']/),
    ],
  };
}

export function dotnetProject(file: ManifestText): ManifestContent {
  return {
    dependencies: dependencyLines(
      file,
      "nuget",
      /<PackageReference[ \t]+Include="([^"]+)"(?:[ \t]+Version="([^"]+)")?/,
    ),
    licenses: licenseLines(file.text, /<PackageLicenseExpression>([^<]+)<\/PackageLicenseExpression>/),
  };
}

export function pubspec(file: ManifestText): ManifestContent {
  let inside = false;
  const dependencies = dependencyLines(file, "pub", /^ {2}([\w-]+):[ \t]*\^?([\w.+-]+)?/, (line) => {
    if (/^\S/.test(line)) inside = /^dependencies:/.test(line);
    return inside;
  });
  return { dependencies, licenses: [] };
}

export function compose(file: ManifestText): ManifestContent {
  const dependencies = dependencyLines(file, "docker", /^[ \t]*image:[ \t]*["']?([^"'\s]+)/).map((dependency) => {
    const reference = dependency.name.split("@")[0] ?? "";
    const colon = reference.lastIndexOf(":");
    const tagged = colon > reference.lastIndexOf("/");
    return {
      ...dependency,
      name: tagged ? reference.slice(0, colon) : reference,
      ...(tagged ? { version: reference.slice(colon + 1) } : {}),
    };
  });
  return { dependencies, licenses: [] };
}

export function publiccode(file: ManifestText): ManifestContent {
  return { dependencies: [], licenses: licenseLines(file.text, /^[ \t]+license:[ \t]*["']?([^"'\n#]+)/) };
}

/** R's DESCRIPTION is a Debian control file: `Field: value`, continued on indented lines. */
function controlFields(file: ManifestText): Map<string, { value: string; line: number; lines: number[] }> {
  const fields = new Map<string, { value: string; line: number; lines: number[] }>();
  let current: { value: string; line: number; lines: number[] } | undefined;
  eachLine(file.text, (line, number) => {
    if (/^[ \t]/.test(line) && current !== undefined) {
      current.value += `\n${line}`;
      current.lines.push(number);
      return;
    }
    const field = /^([\w.@-]+):[ \t]*(?![ \t])(.*)$/.exec(line);
    if (field?.[1] === undefined) {
      current = undefined;
      return;
    }
    current = { value: field[2] ?? "", line: number, lines: [number] };
    if (!fields.has(field[1])) fields.set(field[1], current);
  });
  return fields;
}

/** Depends, Imports and LinkingTo name the packages an R package needs; Suggests are optional. */
export function rDescription(file: ManifestText): ManifestContent {
  const fields = controlFields(file);
  const dependencies: Dependency[] = [];
  for (const name of ["Depends", "Imports", "LinkingTo"]) {
    const field = fields.get(name);
    if (field === undefined) continue;
    field.value.split("\n").forEach((text, index) => {
      for (const entry of text.split(",")) {
        const match = /^[ \t]*([A-Za-z][\w.]*)[ \t]*(?:\(([^)]*)\)[ \t]*)?$/.exec(entry);
        if (match?.[1] === undefined || match[1] === "R") continue;
        const version = match[2]?.trim();
        dependencies.push(dependencyEntry(file, "cran", match[1], version, field.lines[index] ?? field.line));
      }
    });
  }
  const license = fields.get("License");
  const value = license?.value.replace(/\s+/g, " ").trim();
  return { dependencies, licenses: license && value ? [licenseValue(value, license.line)] : [] };
}
