// zod, loaded on first use. The declaration's schemas are built from it only when a screen meets a
// .github/dpg.yml (or a tool asks for the JSON Schema): most screens have none, and zod is the
// largest package a screen would otherwise load (some 95 modules, a tenth of a second per process).
// Every module of the project takes zod from here, so one copy of it is ever loaded.
import { createRequire } from "node:module";
import type * as Zod from "zod";

const require = createRequire(import.meta.url);
let zodPackage: typeof Zod | undefined;

export function zod(): typeof Zod.z {
  return (zodPackage ??= require("zod") as typeof Zod).z;
}

/** A value built by `build` on the first call, then kept: a schema constructed on first use. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
