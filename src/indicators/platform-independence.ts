// Indicator 4: platform independence. Mandatory dependencies are checked against cited lists
// of closed components and proprietary cloud services (SDKs in manifests, resources in
// infrastructure files); the open alternatives for any found are the maintainers' to show.
import { codeSpan } from "../core/github-markdown.js";
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import type { ManifestFacts, ParsedManifest } from "../core/manifest-facts.js";
import { closedComponentOf } from "./shared/closed-components.js";
import { cloudServiceOfDependency, cloudServiceOfReference } from "./shared/closed-cloud-services.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { coreTechnologies } from "./shared/core-technologies.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { PLATFORM_GUIDANCE_URL } from "./shared/guidance.js";

/** Names the first few manifests, counting the rest. */
function listed(paths: readonly string[]): string {
  return paths.length <= 5 ? paths.join(", ") : `${paths.slice(0, 5).join(", ")} and ${paths.length - 5} more`;
}

const platformSchema = once(() => {
  const z = zod();
  const { evidenceList, text } = declarationFields();
  return z
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
    .describe("Indicator 4: platform independence.");
});

const platformSection = {
  key: "platformIndependence",
  get schema() {
    return platformSchema();
  },
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

/** Above this many manifests, a pass is cited per top-level folder rather than per file. */
const MAX_CITED_MANIFESTS = 10;
/** Evidence lines per closed component or service; the rest are counted. */
const MAX_EVIDENCE_PER_FINDING = 3;

/** Something closed the project depends on: a component (by licence) or a cloud service (by platform). */
interface ClosedFinding {
  kind: "component" | "service";
  label: string;
  /** What the manifest names (a package, an image, a resource type), to match declared alternatives. */
  subject: string;
  evidence: Evidence;
}

function closedFindings(facts: ManifestFacts): ClosedFinding[] {
  const found: ClosedFinding[] = [];
  for (const manifest of facts.manifests) {
    for (const dependency of manifest.dependencies) {
      const written = `${dependency.name}${dependency.version ? ` ${dependency.version}` : ""}`;
      const component = closedComponentOf(dependency);
      if (component !== undefined)
        found.push({
          kind: "component",
          label: component.name,
          subject: dependency.name,
          evidence: {
            path: dependency.path,
            line: dependency.line,
            note: `${written}: ${component.name}, ${component.terms}; open alternatives: ${component.openAlternatives} (${component.sources.at(-1) ?? ""})`,
          },
        });
      const service = cloudServiceOfDependency(dependency);
      if (service !== undefined)
        found.push({
          kind: "service",
          label: service.name,
          subject: dependency.name,
          evidence: {
            path: dependency.path,
            line: dependency.line,
            note: `${written}: ${service.name}, ${service.terms}; open alternatives: ${service.openAlternatives} (${service.sources.at(-1) ?? ""})`,
          },
        });
    }
    for (const reference of manifest.infrastructure) {
      const service = cloudServiceOfReference(reference);
      if (service !== undefined)
        found.push({
          kind: "service",
          label: service.name,
          subject: reference.name,
          evidence: {
            path: reference.path,
            line: reference.line,
            note: `${reference.name} (${reference.kind}): ${service.name}, ${service.terms}; open alternatives: ${service.openAlternatives} (${service.sources.at(-1) ?? ""})`,
          },
        });
    }
  }
  return found;
}

/** At most a few evidence lines per component or service, with a count of the rest. */
function boundedEvidence(findings: readonly ClosedFinding[]): Evidence[] {
  const byLabel = new Map<string, ClosedFinding[]>();
  for (const finding of findings) byLabel.set(finding.label, [...(byLabel.get(finding.label) ?? []), finding]);
  return [...byLabel.entries()].flatMap(([label, group]) => [
    ...group.slice(0, MAX_EVIDENCE_PER_FINDING).map((finding) => finding.evidence),
    ...(group.length > MAX_EVIDENCE_PER_FINDING
      ? [{ note: `${label}: ${group.length - MAX_EVIDENCE_PER_FINDING} more references` }]
      : []),
  ]);
}

/** One evidence line per manifest, or per top-level folder when there are many. */
function passEvidence(manifests: readonly ParsedManifest[]): Evidence[] {
  const note = (count: number) => `${count} mandatory dependencies; none on the screener's list of closed components`;
  if (manifests.length <= MAX_CITED_MANIFESTS)
    return manifests.map((manifest) => ({ path: manifest.path, note: note(manifest.dependencies.length) }));
  const folders = new Map<string, ParsedManifest[]>();
  for (const manifest of manifests) {
    const slash = manifest.path.indexOf("/");
    const folder = slash === -1 ? manifest.path : `${manifest.path.slice(0, slash)}/`;
    folders.set(folder, [...(folders.get(folder) ?? []), manifest]);
  }
  return [...folders.entries()].map(([folder, group]) => {
    const count = group.reduce((total, manifest) => total + manifest.dependencies.length, 0);
    return group.length === 1
      ? { path: folder, note: note(count) }
      : {
          path: folder,
          note: `${group.length} manifests, ${count} mandatory dependencies; none on the screener's list of closed components`,
        };
  });
}

const DECLARE_CLOSED_COMPONENTS = {
  text: "Declare in .github/dpg.yml under `platformIndependence` whether any mandatory component is closed (`closedComponents: false`, or each closed component with its open alternative).",
  markdown: `Declare in \`.github/dpg.yml\` under \`platformIndependence\` whether any mandatory component is closed (\`closedComponents: false\`, or each closed component with its open alternative). See the [DPGA platform-independence guide](${PLATFORM_GUIDANCE_URL}).`,
};

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
    "Dependencies of npm, PyPI, Maven, Gradle, Go, Cargo, Composer, RubyGems, NuGet, Dart and Compose manifests against a cited list of closed or source-available components (MongoDB ≥ 2018-10, Firebase, Elasticsearch/Kibana 7.11–8.15, Redis 7.4, Mapbox GL JS ≥ 2…), ignoring dev, test and CI tooling; proprietary cloud services (Firebase, AWS Lambda/SNS/SQS/S3/RDS/QLDB, Google Cloud Storage and Logging, Earth Engine, Auth0, Microsoft IIS) from SDKs, compose images, Terraform, CloudFormation/SAM, Serverless, firebase.json and web.config → `review` naming each, with open alternatives; the core technologies.",
  declares: "Open alternatives for closed components",
  // The manifests are read once per screen by the manifest facts.
  files: () => [],
  evaluate(view, context) {
    const declared = declaredSection(context, platformSection);
    const where = declarationPath(context);
    const facts = context.manifests;
    const dependencyManifests = facts.manifests.filter((manifest) => manifest.listsDependencies);
    const manifests = dependencyManifests.map((manifest) => manifest.path);
    const dependencies = dependencyManifests.flatMap((manifest) => manifest.dependencies);
    const unread = facts.unread.filter((manifest) => manifest.listsDependencies);
    const problems = dependencyManifests.flatMap((manifest) =>
      manifest.problems.map((problem) => ({ path: manifest.path, note: problem })),
    );
    const closed = closedFindings(facts);
    const closedEvidence = boundedEvidence(closed);
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

    // A manifest that exists but was not read (too large, binary, malformed) is never a pass or a "none found".
    const unreadEvidence: Evidence[] = [
      ...unread.map((manifest) => ({
        path: manifest.path,
        note: `${manifest.path} ${manifest.reason}, so its dependencies were not checked`,
      })),
      ...problems,
      ...(facts.failure === undefined ? [] : [{ note: facts.failure }]),
    ];
    if (unreadEvidence.length > 0)
      criteria.push({
        question: "Could every dependency manifest be read?",
        outcome: "review",
        evidence: unreadEvidence,
      });
    if (facts.skipped > 0)
      criteria.push({
        question: "Were all dependency manifests checked?",
        outcome: "review",
        evidence: [
          {
            note: `${facts.candidates - facts.skipped} of ${facts.candidates} manifests were read (the shallowest); ${facts.skipped} deeper ones were not checked.`,
          },
        ],
      });

    if (closed.length > 0) {
      // Handled below, after the cases where there is nothing to check.
    } else if (manifests.length === 0 && unread.length > 0) {
      // The unread manifests are the finding; "no manifest found" would be false.
    } else if (manifests.length === 0) {
      criteria.push({
        question: "Does any mandatory dependency have closed or source-available terms?",
        outcome: declared?.closedComponents === false ? "attested" : "review",
        evidence:
          declared?.closedComponents === false
            ? [{ path: where, note: "declared: no closed components" }]
            : [{ note: "No dependency manifest was found, so no mandatory component could be checked." }],
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
                  note: `No mandatory dependency could be read from ${manifests.length} manifest(s) (${listed(manifests)}): they declare only development dependencies, or none in a form the screener parses.`,
                },
              ],
      });
    } else {
      criteria.push({
        question: "Does any mandatory dependency have closed or source-available terms?",
        outcome: "pass",
        // Evidence per manifest (or per folder), so the pass points at the files it was checked against.
        evidence: passEvidence(dependencyManifests),
      });
    }
    if (closed.length === 0) {
      // Nothing closed found.
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
        ({ subject, label }) =>
          !alternatives.some((entry) => {
            const component = entry.component.toLowerCase();
            return (
              subject.toLowerCase().includes(component) ||
              component.includes(subject.toLowerCase()) ||
              label.toLowerCase().includes(component)
            );
          }),
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
    // With nothing to check, the open alternatives of the remediation do not apply: only the declaration is missing.
    if (closed.length === 0 && dependencies.length === 0 && unread.length === 0 && declared?.closedComponents !== false)
      finding.fix = DECLARE_CLOSED_COMPONENTS;
    // A manifest that was not read: its dependencies are to be checked by hand, and the answer declared.
    else if (closed.length === 0 && unread.length > 0) {
      const paths = unread.map((manifest) => manifest.path);
      finding.fix = {
        text: `Check the dependencies of ${paths.join(", ")} by hand (the screener could not read ${paths.length > 1 ? "them" : "it"}), then ${lowerFirst(DECLARE_CLOSED_COMPONENTS.text)}`,
        markdown: `Check the dependencies of ${paths.map((path) => codeSpan(path)).join(", ")} by hand (the screener could not read ${paths.length > 1 ? "them" : "it"}), then ${lowerFirst(DECLARE_CLOSED_COMPONENTS.markdown)}`,
      };
    }
    finding.summary =
      {
        pass: `No closed component among ${dependencies.length} mandatory dependencies in ${listed(manifests)}.`,
        attested:
          closed.length > 0
            ? "Closed components found; the maintainers declared an open alternative for each."
            : manifests.length > 0
              ? "The maintainers declare no closed components; no mandatory dependency was found in the manifests to check it against."
              : "The maintainers declare no closed components; no manifest was found to check it against.",
        review:
          closed.length > 0
            ? closedSummary(closed)
            : unreadEvidence.length > 0
              ? unreadSummary([
                  ...unread.map((manifest) => `${manifest.path} ${manifest.reason}`),
                  ...problems.map((problem) => problem.note),
                ])
              : facts.skipped > 0 && dependencies.length > 0
                ? `No closed component among ${dependencies.length} mandatory dependencies in ${manifests.length} manifests, but ${facts.skipped} deeper manifests were not checked.`
                : manifests.length > 0
                  ? `No mandatory dependency found in ${listed(manifests)} (only development dependencies, or none the screener parses); maintainers must declare whether any mandatory component is closed.`
                  : "No dependency manifest found; maintainers must declare whether any mandatory component is closed.",
      }[finding.outcome as "pass" | "attested" | "review"] ?? finding.summary;
    return finding;
  },
});

function closedSummary(closed: readonly ClosedFinding[]): string {
  const names = (kind: ClosedFinding["kind"]) => [
    ...new Set(closed.filter((finding) => finding.kind === kind).map((finding) => finding.label)),
  ];
  const components = names("component");
  const services = names("service");
  if (services.length === 0)
    return `Closed or source-available components found (${components.join("; ")}); show an open alternative for each.`;
  const parts = [
    ...(components.length > 0 ? [`closed or source-available components (${components.join("; ")})`] : []),
    `proprietary cloud services (${services.join("; ")})`,
  ];
  return `The project depends on ${parts.join(" and ")}; document an open alternative for each.`;
}

function unreadSummary(unread: readonly string[]): string {
  const more = unread.length - 1;
  return `${unread[0] ?? "A dependency manifest could not be read"}${more > 0 ? ` (and ${more} more manifest problem${more === 1 ? "" : "s"})` : ""}; a reviewer must check its dependencies.`;
}

function lowerFirst(sentence: string): string {
  return `${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}
