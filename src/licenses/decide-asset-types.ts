// Decides which asset types a repository holds: the maintainers' declaration wins, then an
// explicit option, then what the files suggest, with the counts behind the guess in the reason.
import type { AssetType, AssetTypeDecision } from "../core/asset-type.js";
import { isAssetType } from "../core/asset-type.js";
import type { DeclarationFacts } from "../core/declaration-facts.js";
import { basename, isVendored } from "../core/find-files.js";
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseFacts } from "../core/license-facts.js";

export interface AssetTypeInputs {
  licenses: LicenseFacts;
  declaration: DeclarationFacts;
  override: readonly AssetType[] | undefined;
}

const CODE =
  /\.(js|mjs|cjs|ts|tsx|jsx|py|java|kt|go|rs|rb|php|c|h|cc|cpp|hpp|cs|swift|scala|dart|ex|exs|vue|svelte|lua|r|jl|hs|ml|clj|erl|m|sh)$/i;
const DATA = /\.(csv|tsv|parquet|geojson|shp|xlsx?|ods|sav|dta|nc|feather|arrow|jsonl|ndjson|gpkg|sqlite)$/i;
const DOCUMENTS = /\.(pdf|docx?|odt|epub|pptx?|mp3|mp4|webm|ogg|wav|png|jpe?g|svg|gif|tex)$/i;
const WEIGHTS = /\.(safetensors|onnx|pt|pth|ckpt|gguf|tflite|pb|h5|keras|mlmodel)$/i;

export function decideAssetTypes(view: SnapshotView, inputs: AssetTypeInputs): AssetTypeDecision {
  const declared = inputs.declaration.value?.["assetTypes"];
  if (Array.isArray(declared)) {
    const types = declared.filter((value): value is AssetType => typeof value === "string" && isAssetType(value));
    if (types.length > 0)
      return { types, source: "declaration", reason: `declared in ${inputs.declaration.path ?? ".github/dpg.yml"}` };
  }
  if (inputs.override !== undefined && inputs.override.length > 0) {
    return { types: [...inputs.override], source: "option", reason: "given on the command line" };
  }
  let code = 0;
  let data = 0;
  let documents = 0;
  let weights = 0;
  let dataPackage = false;
  for (const path of view.listing.paths) {
    if (isVendored(path)) continue;
    const name = basename(path);
    if (CODE.test(name)) code += 1;
    else if (DATA.test(name)) data += 1;
    else if (WEIGHTS.test(name)) weights += 1;
    else if (DOCUMENTS.test(name)) documents += 1;
    else if (name === "datapackage.json") dataPackage = true;
  }
  const modelCard = (inputs.licenses.licenses ?? []).some(
    (found) => found.note?.startsWith("model card front matter") === true,
  );
  if (weights > 0 || modelCard) {
    return {
      types: ["aimodel"],
      source: "detected",
      reason: weights > 0 ? `the repository holds ${weights} model weight file(s)` : "the README is a model card",
      ...(code > 0 ? { uncertain: `it also holds ${code} source files` } : {}),
    };
  }
  if (dataPackage || (data > code && data >= 5)) {
    return {
      types: ["data"],
      source: "detected",
      reason: dataPackage
        ? "a datapackage.json describes the repository's datasets"
        : `the repository holds more data files (${data}) than source files (${code})`,
      ...(code > 0 ? { uncertain: `it also holds ${code} source files` } : {}),
    };
  }
  if (documents > code * 2 && documents >= 10) {
    return {
      types: ["content"],
      source: "detected",
      reason: `the repository mostly holds documents and media (${documents} files, ${code} source files)`,
      ...(code > 0 ? { uncertain: `it also holds ${code} source files` } : {}),
    };
  }
  return {
    types: ["software"],
    source: "detected",
    reason:
      code > 0
        ? `the repository holds ${code} source file${code === 1 ? "" : "s"}`
        : "nothing suggests data, content or a model, so it is treated as software",
    ...(code > 0 ? {} : { uncertain: "no source files were found" }),
  };
}
