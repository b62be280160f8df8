// Every manifest of the project, parsed once: dependencies, licence values and cloud resources,
// read by the licence fact and by rows 4 and 8; what could not be read is kept with the reason.
import { NO_MANIFEST_FACTS, type ManifestFacts } from "../../core/manifest-facts.js";
import { DEFAULT_MAX_FILE_BYTES } from "../../core/snapshot.js";
import { buildManifestFacts } from "../../manifests/build-manifest-facts.js";
import { manifestFiles } from "../../manifests/select-manifests.js";
import { defineFact } from "../fact.js";

export const manifestsFact = defineFact({
  key: "manifests",
  needs: [],
  files: manifestFiles,
  build: (view) => buildManifestFacts(view, { maxFileBytes: DEFAULT_MAX_FILE_BYTES }),
  fallback: (message): ManifestFacts => ({ ...NO_MANIFEST_FACTS, failure: `manifest reading failed: ${message}` }),
});
