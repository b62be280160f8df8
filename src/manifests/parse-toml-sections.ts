// Dependencies listed as `name = "version"` or `name = { version = "…" }` inside TOML sections
// (Cargo's [dependencies], Poetry's [tool.poetry.dependencies]), read line by line.
import type { Dependency, DependencyEcosystem } from "../core/manifest-facts.js";
import { dependencyEntry, eachLine, type ManifestText } from "./manifest-text.js";

const ENTRY = /^[ \t]*([\w.-]+)[ \t]*=[ \t]*(?:"([^"]*)"|\{[^}]*?version[ \t]*=[ \t]*"([^"]*)")?/;

export function tomlDependencies(file: ManifestText, ecosystem: DependencyEcosystem, section: RegExp): Dependency[] {
  const found: Dependency[] = [];
  let inside = false;
  eachLine(file.text, (line, number) => {
    if (/^[ \t]*\[/.test(line)) {
      inside = section.test(line.trim());
      return;
    }
    if (!inside) return;
    const match = ENTRY.exec(line);
    const version = match?.[2] ?? match?.[3];
    if (match?.[1] !== undefined) found.push(dependencyEntry(file, ecosystem, match[1], version, number));
  });
  return found;
}
