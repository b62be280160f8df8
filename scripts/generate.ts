// Writes the files generated from the indicator registry (see generated-files.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { GENERATED_FILES } from "./generated-files.js";

for (const file of GENERATED_FILES) {
  const url = new URL(`../${file.path}`, import.meta.url);
  const current = readFileSync(url, "utf8");
  const next = file.generate(current);
  if (next !== current) {
    writeFileSync(url, next);
    console.log(`updated ${file.path}`);
  }
}
