// Decides which asset types a repository holds: the maintainers' declaration wins, then an
// explicit option, then the weight of the project's own files across the whole tree. Tests,
// fixtures, examples, samples, vendored and generated code and build output are left out (the
// path classifier decides), a single stray file never decides, and the reason gives the counts
// the decision rests on ("software: 1,240 source files; data: none outside tests").
import type { AssetType, AssetTypeDecision } from "../core/asset-type.js";
import { isAssetType } from "../core/asset-type.js";
import { notOwnKind, SOURCE_FILE, type PathKind } from "../core/classify-path.js";
import type { DeclarationFacts } from "../core/declaration-facts.js";
import { basename } from "../core/find-files.js";
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseFacts } from "../core/license-facts.js";
import { formatCount } from "../core/format-count.js";

export interface AssetTypeInputs {
  licenses: LicenseFacts;
  declaration: DeclarationFacts;
  override: readonly AssetType[] | undefined;
}

const DATA = /\.(csv|tsv|parquet|geojson|shp|xlsx?|ods|sav|dta|nc|feather|arrow|jsonl|ndjson|gpkg|sqlite)$/i;
/** Documents and media; images are left out, since software ships them as assets. */
const DOCUMENTS = /\.(pdf|docx?|odt|epub|pptx?|mp3|mp4|webm|ogg|wav|tex|h5p)$/i;
const WEIGHTS = /\.(safetensors|onnx|pt|pth|ckpt|gguf|tflite|pb|h5|keras|mlmodel)$/i;

/** Below this many files a kind of file is a stray, not what the repository is. */
const MIN_FILES = 5;
/** A second type needs at least this many files and a third of the first type's count. */
const MIN_SECOND_TYPE_FILES = 50;

type Category = "code" | "data" | "documents" | "weights" | "dataPackages";

interface Tally {
  own: Record<Category, number>;
  /** Files of each category under paths that are not the project's own, by the kind of path. */
  ignored: Record<Category, Map<PathKind, number>>;
}

function categoryOf(name: string): Category | undefined {
  if (SOURCE_FILE.test(name)) return "code";
  if (DATA.test(name)) return "data";
  if (WEIGHTS.test(name)) return "weights";
  if (DOCUMENTS.test(name)) return "documents";
  if (name === "datapackage.json") return "dataPackages";
  return undefined;
}

function tally(paths: readonly string[]): Tally {
  const zero = () => ({ code: 0, data: 0, documents: 0, weights: 0, dataPackages: 0 });
  const result: Tally = {
    own: zero(),
    ignored: { code: new Map(), data: new Map(), documents: new Map(), weights: new Map(), dataPackages: new Map() },
  };
  for (const path of paths) {
    const category = categoryOf(basename(path));
    if (category === undefined) continue;
    const kind = notOwnKind(path);
    if (kind === undefined) result.own[category] += 1;
    else result.ignored[category].set(kind, (result.ignored[category].get(kind) ?? 0) + 1);
  }
  return result;
}

const count = (value: number, noun: string) => `${formatCount(value)} ${noun}${value === 1 ? "" : "s"}`;

const KIND_WORDS: Record<PathKind, string> = {
  test: "tests",
  fixture: "test fixtures",
  example: "examples",
  sample: "samples",
  vendored: "vendored code",
  generated: "generated code",
  build: "build output",
  docs: "documentation",
  tooling: "tooling",
};

/** "data: none outside test fixtures (1 datapackage.json there)", "software: 1,240 source files". */
function describe(label: string, own: number, noun: string, ignored: ReadonlyMap<PathKind, number>, extra = 0): string {
  const there = [...ignored.values()].reduce((total, value) => total + value, 0);
  const where = [...ignored.keys()].map((kind) => KIND_WORDS[kind]).join(" and ");
  const mine = own + extra;
  if (mine === 0 && there === 0) return `${label}: none`;
  if (mine === 0) return `${label}: none outside ${where} (${there} there, not counted)`;
  return `${label}: ${count(own, noun)}${extra > 0 ? ` and ${count(extra, "datapackage.json")}` : ""}`;
}

function reasonOf(types: readonly AssetType[], facts: Tally, modelCard: boolean): string {
  const { own, ignored } = facts;
  const dataIgnored = new Map(ignored.data);
  for (const [kind, value] of ignored.dataPackages) dataIgnored.set(kind, (dataIgnored.get(kind) ?? 0) + value);
  const parts: Record<AssetType, string> = {
    software:
      own.code === 0 && types.includes("software")
        ? "nothing suggests data, content or a model, so it is treated as software"
        : describe("software", own.code, "source file", ignored.code),
    data: describe("data", own.data, "data file", dataIgnored, own.dataPackages).replace(
      /^data: 0 data files and /,
      "data: ",
    ),
    content: describe("content", own.documents, "document", ignored.documents),
    aimodel: modelCard
      ? `AI model: the README is a model card${own.weights > 0 ? `, ${count(own.weights, "weight file")}` : ""}`
      : describe("AI model", own.weights, "weight file", ignored.weights),
  };
  const order: AssetType[] = [
    ...types,
    ...(["software", "data", "content", "aimodel"] as const).filter((type) => !types.includes(type)),
  ];
  return order
    .filter((type) => types.includes(type) || !parts[type].endsWith(": none"))
    .map((type) => parts[type])
    .join("; ");
}

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
  const facts = tally(view.listing.paths);
  const { code, data, documents, weights, dataPackages } = facts.own;
  const modelCard = (inputs.licenses.licenses ?? []).some(
    (found) => found.note?.startsWith("model card front matter") === true,
  );
  const detected = (types: AssetType[], uncertain?: string): AssetTypeDecision => ({
    types,
    source: "detected",
    reason: reasonOf(types, facts, modelCard),
    ...(uncertain === undefined ? {} : { uncertain }),
  });
  const alsoCode = code > 0 ? `it also holds ${code} source files` : undefined;
  // The README's model-card front matter is the project's own statement; weights count when
  // there are several, or when nothing else is there.
  if (modelCard || weights >= 2 || (weights > 0 && code < MIN_FILES)) return detected(["aimodel"], alsoCode);
  // A datapackage.json of the project's own describes its data; data files decide when they outweigh the code.
  const dataFirst = (dataPackages > 0 && (data > 0 || code < MIN_FILES)) || (data >= MIN_FILES && data > code);
  const substantial = (minor: number, major: number) => minor >= MIN_SECOND_TYPE_FILES && minor * 3 >= major;
  if (dataFirst) return detected(substantial(code, data) ? ["data", "software"] : ["data"], alsoCode);
  if (documents >= 2 * MIN_FILES && documents > code * 2) return detected(["content"], alsoCode);
  if (code === 0) return detected(["software"], "no source files were found");
  return detected(substantial(data, code) ? ["software", "data"] : ["software"]);
}
