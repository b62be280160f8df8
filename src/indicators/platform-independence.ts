// Indicator 4: platform independence. Mandatory dependencies are checked against a cited list
// of closed components; the open alternatives for any found are the maintainers' to show.
import { z } from "zod";
import { evidenceList, text } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { closedComponentOf } from "./shared/closed-components.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { coreTechnologies } from "./shared/core-technologies.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { manifestFiles, readDependencies } from "./shared/dependency-manifests.js";
import { PLATFORM_GUIDANCE_URL } from "./shared/guidance.js";

/** Names the first few manifests, counting the rest. */
function listed(paths: readonly string[]): string {
  return paths.length <= 5 ? paths.join(", ") : `${paths.slice(0, 5).join(", ")} and ${paths.length - 5} more`;
}

const platformSection = {
  key: "platformIndependence",
  schema: z
    .strictObject({
      coreTechnologies: z.array(text).optional(),
      closedComponents: z
        .boolean()
        .optional()
        .describe("Does any mandatory component have a licence more restrictive than the product's?"),
      openAlternatives: z
        .array(z.strictObject({ component: text, alternative: text, evidence: evidenceList.optional() }))
        .optional(),
      evidence: evidenceList.optional(),
    })
    .optional()
    .describe("Indicator 4: platform independence."),
  template: `platformIndependence:
  closedComponents: false # true when a mandatory dependency is more restrictive than the project's licence
  # When true, name an open alternative for each closed component:
  # openAlternatives:
  #   - component: "<closed component>"
  #     alternative: "<open alternative>"
  evidence:
    - "<URL or path of the documentation that explains the dependencies>"
`,
  keys: "`platformIndependence.coreTechnologies`, `closedComponents`, `openAlternatives[]`, `evidence`",
  question: "Core technologies; closed components (yes/no); open alternatives",
} as const satisfies DeclarationSection;

export const platformIndependence = defineIndicator({
  id: "4",
  title: "Platform independence",
  requirement:
    "Mandatory dependencies that are more restrictive than the project's licence can be replaced by open alternatives.",
  automation: "partial",
  remediation: {
    text: "For every closed component, name an open alternative that can be swapped in with little configuration, and record it in .github/dpg.yml under `platformIndependence.openAlternatives`.",
    markdown: `For every closed component, name an open alternative that can be swapped in with little configuration, and record it in \`.github/dpg.yml\` under \`platformIndependence.openAlternatives\`. See the [DPGA platform-independence guide](${PLATFORM_GUIDANCE_URL}).`,
  },
  docsUrl: PLATFORM_GUIDANCE_URL,
  exemption: { allowed: true },
  declaration: platformSection,
  dpgaFields: ["platformIndependence"],
  verifies:
    "Dependencies of npm, PyPI, Maven, Gradle, Go, Cargo, Composer, RubyGems, NuGet, Dart and Compose manifests against a cited list of closed or source-available components (MongoDB ≥ 2018-10, Firebase, Elasticsearch/Kibana 7.11–8.15, Redis 7.4, Mapbox GL JS ≥ 2…), ignoring dev, test and CI tooling; the core technologies.",
  declares: "Open alternatives for closed components",
  files: (paths) => manifestFiles(paths),
  evaluate(view, context) {
    const declared = declaredSection(context, platformSection);
    const where = declarationPath(context);
    const { manifests, dependencies } = readDependencies(view);
    const closed = dependencies.flatMap((dependency) => {
      const component = closedComponentOf(dependency);
      return component === undefined ? [] : [{ dependency, component }];
    });
    const closedEvidence: Evidence[] = closed.map(({ dependency, component }) => ({
      path: dependency.path,
      line: dependency.line,
      note: `${dependency.name}${dependency.version ? ` ${dependency.version}` : ""}: ${component.name}, ${component.terms}; open alternatives: ${component.openAlternatives} (${component.sources.at(-1) ?? ""})`,
    }));
    const alternatives = declared?.openAlternatives ?? [];
    const criteria: Criterion[] = [];

    const technologies = [
      ...new Set([...(declared?.coreTechnologies ?? []), ...coreTechnologies(view.listing.paths, dependencies)]),
    ];
    if (technologies.length > 0) {
      criteria.push({
        question: "What core technologies does the project depend on?",
        outcome: "pass",
        evidence: [{ note: technologies.join(", ") }],
      });
    }

    if (manifests.length === 0) {
      criteria.push({
        question: "Does any mandatory dependency have closed or source-available terms?",
        outcome: declared?.closedComponents === false ? "attested" : "review",
        evidence:
          declared?.closedComponents === false
            ? [{ path: where, note: "declared: no closed components" }]
            : [{ note: "No dependency manifest was found; declare whether any mandatory component is closed." }],
      });
    } else if (dependencies.length === 0) {
      criteria.push({
        question: "Does any mandatory dependency have closed or source-available terms?",
        outcome: declared?.closedComponents === false ? "attested" : "review",
        evidence:
          declared?.closedComponents === false
            ? [
                { path: where, note: "declared: no closed components" },
                { note: `No mandatory dependency could be read from ${listed(manifests)}.` },
              ]
            : [
                {
                  note: `No mandatory dependency could be read from ${manifests.length} manifest(s) (${listed(manifests)}): they declare only development dependencies, or none in a form the screener parses. Declare whether any mandatory component is closed.`,
                },
              ],
      });
    } else if (closed.length === 0) {
      criteria.push({
        question: "Does any mandatory dependency have closed or source-available terms?",
        outcome: "pass",
        // One piece of evidence per manifest, so the pass points at the files it was checked against.
        evidence: manifests.map((path) => ({
          path,
          note: `${dependencies.filter((dependency) => dependency.path === path).length} mandatory dependencies; none on the screener's list of closed components`,
        })),
      });
    } else if (declared?.closedComponents === false) {
      criteria.push({
        question: "Does the declaration of no closed components match the dependencies?",
        outcome: "review",
        evidence: [
          { path: where, note: "declared: platformIndependence.closedComponents is false" },
          ...closedEvidence,
        ],
      });
    } else {
      const unanswered = closed.filter(
        ({ dependency }) =>
          !alternatives.some(
            (entry) =>
              dependency.name.toLowerCase().includes(entry.component.toLowerCase()) ||
              entry.component.toLowerCase().includes(dependency.name.toLowerCase()),
          ),
      );
      criteria.push({
        question: "Is there an open alternative for every closed component?",
        outcome: unanswered.length === 0 ? "attested" : "review",
        evidence: [
          ...closedEvidence,
          ...alternatives.flatMap((entry) => [
            { path: where, note: `declared alternative to ${entry.component}: ${entry.alternative}` },
            ...linkEvidence(entry.evidence, `evidence for ${entry.alternative}`),
          ]),
        ],
      });
    }
    const finding = combineCriteria(criteria, "");
    finding.summary =
      {
        pass: `No closed component among ${dependencies.length} mandatory dependencies in ${manifests.join(", ")}.`,
        attested:
          closed.length > 0
            ? "Closed components found; the maintainers declared an open alternative for each."
            : manifests.length > 0
              ? "The maintainers declare no closed components; no mandatory dependency was found in the manifests to check it against."
              : "The maintainers declare no closed components; no manifest was found to check it against.",
        review:
          closed.length > 0
            ? `Closed or source-available components found (${[...new Set(closed.map(({ component }) => component.name))].join("; ")}); show an open alternative for each.`
            : manifests.length > 0
              ? `No mandatory dependency found in ${listed(manifests)} (only development dependencies, or none the screener parses); maintainers must declare whether any mandatory component is closed.`
              : "No dependency manifest found; maintainers must declare whether any mandatory component is closed.",
      }[finding.outcome as "pass" | "attested" | "review"] ?? finding.summary;
    return finding;
  },
});
