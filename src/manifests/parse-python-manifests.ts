// Python manifests: requirements files, pyproject.toml (PEP 621 and Poetry), setup.cfg, setup.py.
// Read line by line; development, test and documentation requirements are left out.
import type { ManifestLicense } from "../core/manifest-facts.js";
import type { ManifestContent } from "./manifest-ecosystems.js";
import {
  dependencyLines,
  eachLine,
  licenseLines,
  licenseValue,
  troveLicenses,
  type ManifestText,
} from "./manifest-text.js";
import { tomlDependencies } from "./parse-toml-sections.js";

const REQUIREMENT = /^[ \t]*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?[ \t]*(?:[=<>!~]=?[ \t]*([\w.*]+))?/;
const QUOTED_REQUIREMENT = /^[ \t]*["']([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?[ \t]*(?:[=<>!~]=?[ \t]*([\w.*]+))?/;

export function requirements(file: ManifestText): ManifestContent {
  return { dependencies: dependencyLines(file, "pypi", REQUIREMENT), licenses: [] };
}

export function pyproject(file: ManifestText): ManifestContent {
  const poetry = tomlDependencies(file, "pypi", /^\[tool\.poetry\.dependencies\]$/).filter(
    (dependency) => dependency.name !== "python",
  );
  let inArray = false;
  const project = dependencyLines(file, "pypi", QUOTED_REQUIREMENT, (line) => {
    if (/^[ \t]*dependencies[ \t]*=[ \t]*\[/.test(line)) inArray = true;
    else if (inArray && line.includes("]") && !/["']/.test(line)) inArray = false;
    return inArray;
  });
  return { dependencies: [...project, ...poetry], licenses: [...tomlLicenseField(file), ...troveLicenses(file.text)] };
}

/** `license = "MIT"` or `license = { text = "MIT" }` (pyproject.toml, Cargo.toml). */
export function tomlLicenseField(file: ManifestText): ManifestLicense[] {
  return licenseLines(file.text, /^[ \t]*license[ \t]*=[ \t]*(?:\{[ \t]*text[ \t]*=[ \t]*)?["']([^"']+)["']/);
}

export function setupCfg(file: ManifestText): ManifestContent {
  return {
    dependencies: [],
    licenses: [...licenseLines(file.text, /^[ \t]*license[ \t]*=[ \t]*(?![ \t])(.+)$/), ...troveLicenses(file.text)],
  };
}

export function setupPy(file: ManifestText): ManifestContent {
  const licenses: ManifestLicense[] = [];
  eachLine(file.text, (line, number) => {
    for (const match of line.matchAll(/\blicense[ \t]*=[ \t]*["']([^"']+)["']/g))
      if (match[1]?.trim()) licenses.push(licenseValue(match[1].trim(), number));
  });
  return { dependencies: [], licenses: [...licenses, ...troveLicenses(file.text)] };
}
