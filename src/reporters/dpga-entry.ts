// Builds a draft DPGA application in the registry's entry format (docs: dpg-standard.md §c4)
// from a report and its declaration. Where nothing answers a question, TO_ANSWER says so.
import { isMet } from "../core/outcome.js";
import type { Report } from "../core/report.js";
import type { Declaration } from "../declaration/declaration-schema.js";
import { baseId } from "../licenses/base-license-id.js";
import { idsOf } from "../licenses/decide-license-expression.js";
import { INDICATOR_DEFINITIONS } from "../indicators/registry.js";

/** The indicator each registry field answers, from the indicators' definitions; the rest are "general". */
const FIELD_INDICATOR = new Map<string, string>(
  INDICATOR_DEFINITIONS.flatMap((indicator) => indicator.dpgaFields.map((field) => [field, indicator.id] as const)),
);

/** Marks every value the maintainers must still provide. */
export const TO_ANSWER = "[MAINTAINERS MUST ANSWER]";

const CATEGORIES = {
  software: "Open Software",
  data: "Open Data",
  content: "Open Content",
  aimodel: "Open AI Model",
} as const;
const SDG_NAMES = [
  "No Poverty",
  "Zero Hunger",
  "Good Health and Well-being",
  "Quality Education",
  "Gender Equality",
  "Clean Water and Sanitation",
  "Affordable and Clean Energy",
  "Decent Work and Economic Growth",
  "Industry, Innovation and Infrastructure",
  "Reduced Inequalities",
  "Sustainable Cities and Communities",
  "Responsible Consumption and Production",
  "Climate Action",
  "Life Below Water",
  "Life on Land",
  "Peace, Justice and Strong Institutions",
  "Partnerships for the Goals",
];
const HANDLING = {
  "not-collected": "NOT collected NOT stored and NOT distributed",
  collected: "collected but NOT stored and NOT distributed",
  stored: "collected and stored but NOT distributed",
  distributed: "collected and stored and distributed",
} as const;

export interface DpgaAnswer {
  /** The registry field this answers. */
  field: string;
  indicator: string;
  answered: boolean;
  /** Repository paths and URLs the answer rests on. */
  evidence: string[];
}

export interface DpgaDraft {
  entry: Record<string, unknown>;
  answers: DpgaAnswer[];
}

export function buildDpgaDraft(report: Report): DpgaDraft {
  const declared = (report.declaration.value ?? {}) as Declaration;
  const link = (path: string) =>
    /^https?:\/\//.test(path) || report.repository.url === undefined
      ? path
      : `${report.repository.url}/blob/${report.repository.ref ?? "HEAD"}/${path}`;
  const evidenceOf = (indicator: string) =>
    (report.results.find((result) => result.indicator === indicator)?.evidence ?? []).flatMap((item) =>
      (item.url ?? item.path) === undefined ? [] : [link(item.url ?? item.path ?? "")],
    );
  const answers: DpgaAnswer[] = [];
  const answer = <T>(field: string, value: T | undefined, evidence: string[], fallback: T): T => {
    const indicator = FIELD_INDICATOR.get(field) ?? "general";
    answers.push({ field, indicator, answered: value !== undefined, evidence: [...new Set(evidence)] });
    return value ?? fallback;
  };
  const declaredLinks = (links: readonly string[] | undefined) => (links ?? []).map(link);
  const harm = declared.doNoHarm;
  const owner = declared.owner;
  const platform = declared.platformIndependence;

  const entry: Record<string, unknown> = {
    name: answer("name", declared.product?.name, [], report.repository.name),
    description: answer("description", declared.product?.description, [], TO_ANSWER),
    website: answer("website", declared.product?.website, [], TO_ANSWER),
    categories: report.assetTypes.map((type) => CATEGORIES[type]),
    repositories: [{ name: "main", url: report.repository.url ?? TO_ANSWER }],
    openlicenses: answer("openlicenses", licenseAnswer(report, link), licenseSources(report).map(link), [
      { openLicense: TO_ANSWER, openLicenseEvidenceURLs: TO_ANSWER },
    ]),
    sdgs: answer(
      "sdgs",
      declared.sdgs?.length
        ? {
            sdg: declared.sdgs.map((sdg) => `SDG${sdg.number}: ${SDG_NAMES[sdg.number - 1] ?? ""}`),
            relevance: declared.sdgs
              .map(
                (sdg) =>
                  `SDG ${sdg.number} (targets ${(sdg.targets ?? []).join(", ") || TO_ANSWER}): ${sdg.relevance ?? TO_ANSWER}`,
              )
              .join("\n"),
          }
        : undefined,
      declared.sdgs?.flatMap((sdg) => declaredLinks(sdg.evidence)) ?? [],
      { sdg: [TO_ANSWER], relevance: TO_ANSWER },
    ),
    clearOwnership: answer(
      "clearOwnership",
      owner?.name === undefined
        ? undefined
        : [
            {
              clearOwnershipName: owner.name,
              clearOwnershipURL: declaredLinks(owner.evidence).join(", ") || TO_ANSWER,
            },
          ],
      [...declaredLinks(owner?.evidence), ...evidenceOf("3")],
      [{ clearOwnershipName: TO_ANSWER, clearOwnershipURL: TO_ANSWER }],
    ),
    // The registry's field is inverted: "Yes" means the product HAS closed components.
    platformIndependence: answer(
      "platformIndependence",
      platform?.closedComponents === undefined
        ? undefined
        : {
            isPlatformIndependent: platform.closedComponents ? "Yes" : "No",
            openAlternatives: (platform.openAlternatives ?? []).map(
              (entry) => `${entry.component}: ${entry.alternative}`,
            ),
          },
      [...declaredLinks(platform?.evidence), ...evidenceOf("4")],
      { isPlatformIndependent: TO_ANSWER, openAlternatives: [] },
    ),
    documentation: answer(
      "documentation",
      declared.documentation?.evidence?.length ? declaredLinks(declared.documentation.evidence).join(", ") : undefined,
      evidenceOf("5"),
      TO_ANSWER,
    ),
    NonPII: answer(
      "NonPII",
      declared.nonPersonalData?.collected === undefined
        ? undefined
        : {
            collectsNonPII: declared.nonPersonalData.collected ? "Yes" : "No",
            nonPIIAccessMechanism:
              declared.nonPersonalData.exportMechanism ?? (declared.nonPersonalData.collected ? TO_ANSWER : ""),
          },
      [...declaredLinks(declared.nonPersonalData?.evidence), ...evidenceOf("6")],
      { collectsNonPII: TO_ANSWER, nonPIIAccessMechanism: TO_ANSWER },
    ),
    privacy: answer(
      "privacy",
      declared.privacy?.laws?.length
        ? declared.privacy.laws.map((law) => ({
            privacyCompliance: law,
            privacyComplianceURL: declared.privacy?.policy === undefined ? TO_ANSWER : link(declared.privacy.policy),
          }))
        : undefined,
      [
        ...declaredLinks(declared.privacy?.policy === undefined ? [] : [declared.privacy.policy]),
        ...declaredLinks(declared.privacy?.evidence),
        ...evidenceOf("7"),
      ],
      [{ privacyCompliance: TO_ANSWER, privacyComplianceURL: TO_ANSWER }],
    ),
    openStandards: answer(
      "openStandards",
      declared.standards?.openStandards?.map((entry) => entry.name),
      declared.standards?.openStandards?.flatMap((entry) => declaredLinks(entry.evidence)) ?? evidenceOf("8"),
      [TO_ANSWER],
    ),
    bestPractices: answer(
      "bestPractices",
      declared.standards?.bestPractices?.map((entry) => entry.name),
      declared.standards?.bestPractices?.flatMap((entry) => declaredLinks(entry.evidence)) ?? evidenceOf("8"),
      [TO_ANSWER],
    ),
    dataPrivacySecurity: answer(
      "dataPrivacySecurity",
      harm?.dataPrivacySecurity?.personalData === undefined
        ? undefined
        : {
            collectsPII: `PII data is ${HANDLING[harm.dataPrivacySecurity.personalData]}.`,
            typesOfPIIDataCollected: harm.dataPrivacySecurity.personalDataTypes ?? [],
            dataPrivacySecurity:
              harm.dataPrivacySecurity.protection ??
              (harm.dataPrivacySecurity.personalData === "not-collected" ? "" : TO_ANSWER),
          },
      [...declaredLinks(harm?.dataPrivacySecurity?.evidence), ...evidenceOf("9a")],
      { collectsPII: TO_ANSWER, typesOfPIIDataCollected: [], dataPrivacySecurity: TO_ANSWER },
    ),
    userContent: answer(
      "userContent",
      harm?.harmfulContent?.content === undefined
        ? undefined
        : {
            contentManagement: `Content is ${HANDLING[harm.harmfulContent.content]}.`,
            contentTypes: harm.harmfulContent.contentTypes ?? [],
            contentManagementPolicy:
              harm.harmfulContent.moderation ?? (harm.harmfulContent.content === "not-collected" ? "" : TO_ANSWER),
          },
      [
        ...declaredLinks(harm?.harmfulContent?.policy === undefined ? [] : [harm.harmfulContent.policy]),
        ...evidenceOf("9b"),
      ],
      { contentManagement: TO_ANSWER, contentTypes: [], contentManagementPolicy: TO_ANSWER },
    ),
    protectionFromHarassment: answer(
      "protectionFromHarassment",
      harm?.harassment?.userInteraction === undefined
        ? undefined
        : {
            facilitatesUserInteraction: harm.harassment.userInteraction ? "Yes" : "No",
            harassmentPolicy:
              [
                harm.harassment.codeOfConduct === undefined ? undefined : link(harm.harassment.codeOfConduct),
                harm.harassment.reportingProcess,
                harm.harassment.underageSafety,
              ]
                .filter(Boolean)
                .join("\n") || (harm.harassment.userInteraction ? TO_ANSWER : ""),
          },
      [...declaredLinks(harm?.harassment?.evidence), ...evidenceOf("9c")],
      { facilitatesUserInteraction: TO_ANSWER, harassmentPolicy: TO_ANSWER },
    ),
    locations: answer(
      "locations",
      declared.locations === undefined
        ? undefined
        : {
            developmentCountries: declared.locations.developmentCountries ?? [],
            deploymentCountries: declared.locations.deploymentCountries ?? [],
          },
      [],
      { developmentCountries: [TO_ANSWER], deploymentCountries: [TO_ANSWER] },
    ),
    // Contact names and e-mails are personal data: the draft never fills them in.
    organizations: [
      {
        name: owner?.name ?? TO_ANSWER,
        website: owner?.evidence?.[0] ?? TO_ANSWER,
        org_type: "owner",
        contact_name: TO_ANSWER,
        contact_email: TO_ANSWER,
      },
    ],
  };
  return { entry, answers };
}

/**
 * The licence is answered only when row 2 is met: a rejected licence ("all rights reserved")
 * or one a reviewer must still confirm is not an answer to put in an application.
 */
function licenseAnswer(
  report: Report,
  link: (path: string) => string,
): { openLicense: string; openLicenseEvidenceURLs: string }[] | undefined {
  const row = report.results.find((result) => result.indicator === "2");
  if (report.license === null || row === undefined || !isMet(row.outcome)) return undefined;
  return [{ openLicense: report.license, openLicenseEvidenceURLs: licenseSources(report).map(link).join(", ") }];
}

/** Files whose licence is part of the project's expression: a disagreeing manifest is not evidence for it. */
function licenseSources(report: Report): string[] {
  if (report.license === null) return [];
  const bases = new Set(idsOf(report.license).map(baseId));
  return [
    ...new Set(
      report.licenses.filter((item) => idsOf(item.spdx).some((id) => bases.has(baseId(id)))).map((item) => item.path),
    ),
  ];
}
