// Indicator 4: platform independence. Manifests show the dependencies; whether any is closed
// and mandatory needs a human (issue #4 flags known closed components).
import { defineIndicator } from "../core/indicator.js";
import { PLATFORM_GUIDANCE_URL } from "./shared/guidance.js";

const MANIFEST = /(^|\/)(package\.json|requirements[^/]*\.txt|pyproject\.toml|pom\.xml|build\.gradle(\.kts)?|go\.mod|Cargo\.toml|composer\.json|Gemfile|[^/]+\.csproj|docker-compose[^/]*\.ya?ml|compose[^/]*\.ya?ml|pubspec\.yaml)$/;

export const platformIndependence = defineIndicator({
  id: "4",
  title: "Platform independence",
  requirement: "Mandatory dependencies that are more restrictive than the project's licence have open alternatives that can be swapped in.",
  automation: "partial",
  remediation: {
    text: "Declare in .github/dpg.yml under `platformIndependence` whether any mandatory dependency is closed, and if so name the open alternatives and how to switch.",
    markdown: `Declare in \`.github/dpg.yml\` under \`platformIndependence\` whether any mandatory dependency is closed and, if so, name the open alternatives and how to switch. See the [DPGA platform-independence guide](${PLATFORM_GUIDANCE_URL}).`,
  },
  docsUrl: PLATFORM_GUIDANCE_URL,
  appliesTo: ["software", "aimodel", "data"],
  files: () => [],
  evaluate(view) {
    const manifests = view.listing.paths.filter((path) => MANIFEST.test(path) && path.split("/").length <= 2);
    return {
      outcome: "review",
      summary: manifests.length > 0
        ? `Found ${manifests.length} dependency manifest(s); maintainers must confirm no mandatory dependency is closed.`
        : "No dependency manifest found; maintainers must confirm no mandatory dependency is closed.",
      evidence: manifests.slice(0, 10).map((path) => ({ path, note: "dependency manifest" })),
    };
  },
});
