// Builds a draft DPGA application in the registry's entry format (docs: dpg-standard.md §c4) from
// a report: every answer the screen supports, each marked with where it came from — "declared"
// (.github/dpg.yml), "found" (verified in the repository, with its evidence as public links at the
// screened commit) or "suggested" (inferred, to confirm) — and TO_ANSWER only where nothing does.
import { cleanStrings } from "../core/clean-text.js";
import { isWhitespace, trimLeading, trimTrailing, whitespaceOr } from "../core/trim-characters.js";
import { isMet } from "../core/outcome.js";
import type { Evidence, Indicator } from "../core/indicator.js";
import type { IndicatorResult, ProductFact, Report } from "../core/report.js";
import type { Declaration } from "../declaration/declaration-schema.js";
import { baseId } from "../licenses/base-license-id.js";
import { idsOf } from "../licenses/decide-license-expression.js";
import { INDICATOR_DEFINITIONS } from "../indicators/registry.js";

/** Marks every value the maintainers must still provide. */
export const TO_ANSWER = "[MAINTAINERS MUST ANSWER]";

/** Where an answer came from; "unanswered" when nothing supports one. */
export type Provenance = "declared" | "found" | "suggested" | "unanswered";

const CATEGORIES = {
  software: "Open Software",
  data: "Open Data",
  content: "Open Content",
  aimodel: "Open AI Model",
} as const;
export const SDG_NAMES = [
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
/**
 * Which indicator a registry field answers, from the definitions' `dpgaFields`; the fields no
 * indicator names (name, description, website, locations) are general information.
 */
export function indicatorOfDpgaField(field: string, definitions: readonly Indicator[] = INDICATOR_DEFINITIONS): string {
  return definitions.find((definition) => definition.dpgaFields.includes(field))?.id ?? "general";
}
/** How many suggested SDGs the draft names: the DPGA asks for the most relevant ones only. */
const DRAFT_SDGS = 3;

export interface DpgaAnswer {
  /** The registry field this answers. */
  field: string;
  indicator: string;
  /** Kept for older consumers: true unless `provenance` is "unanswered". */
  answered: boolean;
  provenance: Provenance;
  /** Public links (or, without a known repository URL, repository paths) the answer rests on. */
  evidence: string[];
}

export interface DpgaDraft {
  entry: Record<string, unknown>;
  answers: DpgaAnswer[];
}

interface Answer<T> {
  value: T;
  provenance: Exclude<Provenance, "unanswered">;
  evidence: string[];
}

export function buildDpgaDraft(report: Report): DpgaDraft {
  const declared = (report.declaration.value ?? {}) as Declaration;
  const base = blobBase(report);
  const link = (path: string, line?: number) =>
    /^https?:\/\//.test(path) || base === undefined
      ? path
      : `${base}${path.split("/").map(encodeURIComponent).join("/")}${line === undefined ? "" : `#L${line}`}`;
  const linkOf = (item: Evidence) => item.url ?? (item.path === undefined ? undefined : link(item.path, item.line));
  const result = (indicator: string) => report.results.find((candidate) => candidate.indicator === indicator);
  /** Evidence of the passed criteria of a row whose question matches. */
  const passed = (indicator: string, question: RegExp): Evidence[] =>
    (result(indicator)?.criteria ?? [])
      .filter(
        (criterion) =>
          (criterion.outcome === "pass" || criterion.outcome === "attested") && question.test(criterion.question),
      )
      .flatMap((criterion) => criterion.evidence ?? []);
  const links = (items: readonly Evidence[]) => [...new Set(items.flatMap((item) => linkOf(item) ?? []))];
  const declaredLinks = (values: readonly string[] | undefined) => (values ?? []).map((value) => link(value));

  const answers: DpgaAnswer[] = [];
  /** The first option that answers; else the fallback, with `hints` as what the maintainers should look at. */
  const answer = <T>(field: string, options: (Answer<T> | undefined)[], fallback: T, hints: string[] = []): T => {
    const chosen = options.find((option) => option !== undefined);
    answers.push({
      field,
      indicator: indicatorOfDpgaField(field),
      answered: chosen !== undefined,
      provenance: chosen?.provenance ?? "unanswered",
      evidence: [...new Set(chosen?.evidence ?? hints)],
    });
    return chosen === undefined ? fallback : chosen.value;
  };
  const declaredAs = <T>(value: T | undefined, evidence: string[] = []): Answer<T> | undefined =>
    value === undefined ? undefined : { value, provenance: "declared", evidence };
  const fromFact = (fact: ProductFact | undefined): Answer<string> | undefined =>
    fact === undefined
      ? undefined
      : {
          value: fact.value,
          provenance: fact.provenance,
          evidence:
            fact.path === undefined
              ? report.repository.url === undefined
                ? []
                : [report.repository.url]
              : [link(fact.path, fact.line)],
        };
  const harm = declared.doNoHarm;
  const owner = declared.owner;
  const platform = declared.platformIndependence;
  const product = report.product ?? {};

  const ownership = ownershipAnswer(report, passed, link);
  const entry: Record<string, unknown> = {
    name: answer("name", [declaredAs(declared.product?.name), fromFact(product.name)], TO_ANSWER),
    description: answer(
      "description",
      [declaredAs(declared.product?.description), fromFact(product.description)],
      TO_ANSWER,
    ),
    website: answer("website", [declaredAs(declared.product?.website), fromFact(product.website)], TO_ANSWER),
    categories: report.assetTypes.map((type) => CATEGORIES[type]),
    repositories: answer(
      "repositories",
      [repositoryAnswer(product.repository ?? forgeRepository(report), fromFact)],
      [{ name: "main", url: TO_ANSWER }],
    ),
    openlicenses: answer(
      "openlicenses",
      [licenseAnswer(report, link)],
      [{ openLicense: TO_ANSWER, openLicenseEvidenceURLs: TO_ANSWER }],
      licenseSources(report).map((path) => link(path)),
    ),
    sdgs: answer(
      "sdgs",
      [
        declared.sdgs?.length
          ? declaredAs(
              {
                sdg: declared.sdgs.map((sdg) => `SDG${sdg.number}: ${SDG_NAMES[sdg.number - 1] ?? ""}`),
                relevance: declared.sdgs
                  .map(
                    (sdg) =>
                      `SDG ${sdg.number} (targets ${(sdg.targets ?? []).join(", ") || TO_ANSWER}): ${sdg.relevance ?? TO_ANSWER}`,
                  )
                  .join("\n"),
              },
              declared.sdgs.flatMap((sdg) => declaredLinks(sdg.evidence)),
            )
          : undefined,
        suggestedSdgs(report, link),
      ],
      { sdg: [TO_ANSWER], relevance: TO_ANSWER },
    ),
    clearOwnership: answer(
      "clearOwnership",
      [
        owner?.name === undefined
          ? undefined
          : declaredAs(
              [
                {
                  clearOwnershipName: owner.name,
                  clearOwnershipURL:
                    declaredLinks(owner.evidence).join(", ") || ownership?.value[0]?.clearOwnershipURL || TO_ANSWER,
                },
              ],
              [...declaredLinks(owner.evidence), ...(ownership?.evidence ?? [])],
            ),
        ownership,
      ],
      [{ clearOwnershipName: TO_ANSWER, clearOwnershipURL: TO_ANSWER }],
    ),
    // The registry's field is inverted: "Yes" means the product HAS closed components.
    platformIndependence: answer(
      "platformIndependence",
      [
        platform?.closedComponents === undefined
          ? undefined
          : declaredAs(
              {
                isPlatformIndependent: platform.closedComponents ? "Yes" : "No",
                openAlternatives: (platform.openAlternatives ?? []).map(
                  (item) => `${item.component}: ${item.alternative}`,
                ),
              },
              declaredLinks(platform.evidence),
            ),
        platformAnswer(result("4"), links),
      ],
      { isPlatformIndependent: TO_ANSWER, openAlternatives: [] },
    ),
    documentation: answer(
      "documentation",
      [
        declared.documentation?.evidence?.length
          ? declaredAs(
              declaredLinks(declared.documentation.evidence).join(", "),
              declaredLinks(declared.documentation.evidence),
            )
          : undefined,
        found(links(passedOrReviewed(result("5"))), (urls) => urls.join(", ")),
      ],
      TO_ANSWER,
    ),
    NonPII: answer(
      "NonPII",
      [
        declared.nonPersonalData?.collected === undefined
          ? undefined
          : declaredAs(
              {
                collectsNonPII: declared.nonPersonalData.collected ? "Yes" : "No",
                nonPIIAccessMechanism:
                  declared.nonPersonalData.exportMechanism ?? (declared.nonPersonalData.collected ? TO_ANSWER : ""),
              },
              declaredLinks(declared.nonPersonalData.evidence),
            ),
        found(links(passed("6", /API|export|open formats/i)), (urls) => ({
          collectsNonPII: TO_ANSWER,
          nonPIIAccessMechanism: `Described in ${urls.join(", ")}`,
        })),
      ],
      { collectsNonPII: TO_ANSWER, nonPIIAccessMechanism: TO_ANSWER },
    ),
    privacy: answer(
      "privacy",
      [
        declared.privacy?.laws?.length
          ? declaredAs(
              declared.privacy.laws.map((law) => ({
                privacyCompliance: law,
                privacyComplianceURL:
                  declared.privacy?.policy === undefined ? TO_ANSWER : link(declared.privacy.policy),
              })),
              [
                ...declaredLinks(declared.privacy.policy === undefined ? [] : [declared.privacy.policy]),
                ...declaredLinks(declared.privacy.evidence),
              ],
            )
          : undefined,
        found(links(passed("7", /privacy policy|terms of use/i)), (urls) => [
          { privacyCompliance: TO_ANSWER, privacyComplianceURL: urls.join(", ") },
        ]),
      ],
      [{ privacyCompliance: TO_ANSWER, privacyComplianceURL: TO_ANSWER }],
    ),
    openStandards: answer(
      "openStandards",
      [
        declaredAs(
          declared.standards?.openStandards?.map((item) => item.name),
          declared.standards?.openStandards?.flatMap((item) => declaredLinks(item.evidence)),
        ),
        namedAnswer(passed("8", /open standards/i), links),
      ],
      [TO_ANSWER],
    ),
    bestPractices: answer(
      "bestPractices",
      [
        declaredAs(
          declared.standards?.bestPractices?.map((item) => item.name),
          declared.standards?.bestPractices?.flatMap((item) => declaredLinks(item.evidence)),
        ),
        namedAnswer(passed("8", /best practices/i), links),
      ],
      [TO_ANSWER],
    ),
    dataPrivacySecurity: answer(
      "dataPrivacySecurity",
      [
        harm?.dataPrivacySecurity?.personalData === undefined
          ? undefined
          : declaredAs(
              {
                collectsPII: `PII data is ${HANDLING[harm.dataPrivacySecurity.personalData]}.`,
                typesOfPIIDataCollected: harm.dataPrivacySecurity.personalDataTypes ?? [],
                dataPrivacySecurity:
                  harm.dataPrivacySecurity.protection ??
                  (harm.dataPrivacySecurity.personalData === "not-collected" ? "" : TO_ANSWER),
              },
              declaredLinks(harm.dataPrivacySecurity.evidence),
            ),
        found(links(passed("9a", /report a vulnerability/i)), (urls) => ({
          collectsPII: TO_ANSWER,
          typesOfPIIDataCollected: [],
          dataPrivacySecurity: `Security policy: ${urls.join(", ")}`,
        })),
      ],
      { collectsPII: TO_ANSWER, typesOfPIIDataCollected: [], dataPrivacySecurity: TO_ANSWER },
    ),
    userContent: answer(
      "userContent",
      [
        harm?.harmfulContent?.content === undefined
          ? undefined
          : declaredAs(
              {
                contentManagement: `Content is ${HANDLING[harm.harmfulContent.content]}.`,
                contentTypes: harm.harmfulContent.contentTypes ?? [],
                contentManagementPolicy:
                  harm.harmfulContent.moderation ?? (harm.harmfulContent.content === "not-collected" ? "" : TO_ANSWER),
              },
              declaredLinks(harm.harmfulContent.policy === undefined ? [] : [harm.harmfulContent.policy]),
            ),
        found(links(passed("9b", /content or moderation policy/i)), (urls) => ({
          contentManagement: TO_ANSWER,
          contentTypes: [],
          contentManagementPolicy: `Content policy: ${urls.join(", ")}`,
        })),
      ],
      { contentManagement: TO_ANSWER, contentTypes: [], contentManagementPolicy: TO_ANSWER },
    ),
    protectionFromHarassment: answer(
      "protectionFromHarassment",
      [
        harm?.harassment?.userInteraction === undefined
          ? undefined
          : declaredAs(
              {
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
              declaredLinks(harm.harassment.evidence),
            ),
        found(links(passedOrReviewed(result("9c"), /code of conduct/i)), (urls) => ({
          facilitatesUserInteraction: TO_ANSWER,
          harassmentPolicy: `Code of conduct: ${urls.join(", ")}`,
        })),
      ],
      { facilitatesUserInteraction: TO_ANSWER, harassmentPolicy: TO_ANSWER },
    ),
    locations: answer(
      "locations",
      [
        declaredAs(
          declared.locations === undefined
            ? undefined
            : {
                developmentCountries: declared.locations.developmentCountries ?? [],
                deploymentCountries: declared.locations.deploymentCountries ?? [],
              },
        ),
      ],
      { developmentCountries: [TO_ANSWER], deploymentCountries: [TO_ANSWER] },
    ),
    // Contact names and e-mails are personal data: the draft never fills them in.
    organizations: [
      {
        name: owner?.name ?? ownership?.value[0]?.clearOwnershipName ?? TO_ANSWER,
        website: owner?.evidence?.[0] ?? ownerWebsite(report) ?? TO_ANSWER,
        org_type: "owner",
        contact_name: TO_ANSWER,
        contact_email: TO_ANSWER,
      },
    ],
  };
  // Every value may quote the repository: control characters and secret-shaped tokens never leave.
  return { entry: cleanStrings(entry), answers: cleanStrings(answers) };
}

/** The forge's address of a report made before the product facts named the repository. */
function forgeRepository(report: Report): ProductFact | undefined {
  const url = report.repository.url;
  return url === undefined || !/^https?:\/\//.test(url)
    ? undefined
    : { value: url, source: "repository", provenance: "found" };
}

/** The repository entry; a local checkout's origin is cited as `.git/config`, the file that claims it. */
function repositoryAnswer(
  fact: ProductFact | undefined,
  fromFact: (fact: ProductFact | undefined) => Answer<string> | undefined,
): Answer<{ name: string; url: string }[]> | undefined {
  const answer = fromFact(fact);
  if (answer === undefined || fact === undefined) return undefined;
  return {
    value: [{ name: "main", url: answer.value }],
    provenance: answer.provenance,
    evidence: fact.source === "git-config" ? [".git/config"] : answer.evidence,
  };
}

function found<T>(urls: string[], value: (urls: string[]) => T): Answer<T> | undefined {
  return urls.length === 0 ? undefined : { value: value(urls), provenance: "found", evidence: urls };
}

/** Evidence with a file of the criteria that passed, or are waiting on review only for their wording (a README). */
function passedOrReviewed(row: IndicatorResult | undefined, question: RegExp = /./): Evidence[] {
  return (row?.criteria ?? [])
    .filter(
      (criterion) => criterion.outcome !== "fail" && criterion.outcome !== "error" && question.test(criterion.question),
    )
    .flatMap((criterion) => criterion.evidence ?? [])
    .filter((item) => item.path !== undefined && !/not in the repository|not readable|too large/.test(item.note));
}

/** Standards and practices as named in the evidence ("OpenAPI: depends on swagger-ui" → "OpenAPI"). */
function namedAnswer(
  items: readonly Evidence[],
  links: (items: readonly Evidence[]) => string[],
): Answer<string[]> | undefined {
  const names = [...new Set(items.map((item) => item.note.split(":")[0]?.trim() ?? "").filter(Boolean))];
  return names.length === 0 ? undefined : { value: names, provenance: "found", evidence: links(items) };
}

/** The screened commit's file links: https://HOST/OWNER/REPO/blob/SHA/ (GitHub and GitHub Enterprise Server alike). */
function blobBase(report: Report): string | undefined {
  const url = report.repository.url;
  if (url === undefined || !/^https?:\/\//.test(url)) return undefined;
  return `${trimTrailing(url, "/")}/blob/${encodeURIComponent(report.repository.ref ?? "HEAD")}/`;
}

/** The owning account's page on the forge, from the repository URL. */
function ownerWebsite(report: Report): string | undefined {
  const url = report.repository.url;
  if (url === undefined) return undefined;
  const match = /^(https?:\/\/[^/]+\/[^/]+)\/[^/]+\/?$/.exec(url);
  return match?.[1];
}

/** "Copyright (c) 2015-2024 Example Foundation. All rights reserved." → "Example Foundation". */
export function copyrightHolder(line: string): string | undefined {
  const named = trimTrailing(trimLeading(line, whitespaceOr(`"'#*/;>-`)), whitespaceOr(`"'`))
    .replace(/^(?:\(c\)|©|copyright\b:?|\s)+/gi, "")
    .replace(/^(?:\(c\)|©|\s)+/gi, "")
    .replace(/^\d{4}(?:\s*[-–,]\s*(?:\d{4}|present))*[,.]?\s*/i, "")
    .replace(/^by\s+/i, "");
  const holder = trimTrailing(withoutTrailingAddress(withoutRightsReserved(named)), whitespaceOr(",.;")).trim();
  if (holder.length < 2 || holder.length > 120 || !/\p{L}/u.test(holder) || /^the\s+(above|software)\b/i.test(holder))
    return undefined;
  return holder;
}

/**
 * `text` without a closing "[,.] all rights reserved[.]" and the space before it, as
 * /[,.]?\s*all rights reserved\.?$/i removes it, but with the space trimmed by hand: that
 * expression would read a long space run again from each of its characters.
 */
function withoutRightsReserved(text: string): string {
  const phrase = /all rights reserved\.?$/i.exec(text);
  if (phrase === null) return text;
  const before = trimTrailing(text.slice(0, phrase.index), isWhitespace);
  return /[,.]$/.test(before) ? before.slice(0, -1) : before;
}

/** `text` without a closing "<address>" and the space around it, as /\s*<[^>]*>\s*$/ removes it, in one pass. */
function withoutTrailingAddress(text: string): string {
  const trimmed = trimTrailing(text, isWhitespace);
  if (!trimmed.endsWith(">")) return text;
  const close = trimmed.length - 1;
  const open = trimmed.indexOf("<", trimmed.lastIndexOf(">", close - 1) + 1);
  return open < 0 || open >= close ? text : trimTrailing(trimmed.slice(0, open), isWhitespace);
}

function ownershipAnswer(
  report: Report,
  passed: (indicator: string, question: RegExp) => Evidence[],
  link: (path: string, line?: number) => string,
): Answer<{ clearOwnershipName: string; clearOwnershipURL: string }[]> | undefined {
  const statements = passed("3", /holds the copyright/i).flatMap((item) => {
    const holder = copyrightHolder(item.note);
    return holder === undefined || item.path === undefined ? [] : [{ holder, url: link(item.path, item.line) }];
  });
  if (statements.length > 0) {
    const holders = [...new Set(statements.map((item) => item.holder))];
    return {
      value: holders.map((holder) => ({
        clearOwnershipName: holder,
        clearOwnershipURL: statements
          .filter((item) => item.holder === holder)
          .map((item) => item.url)
          .join(", "),
      })),
      provenance: "found",
      evidence: statements.map((item) => item.url),
    };
  }
  // Without a copyright line, the owning account (an organisation, when the forge says so) is a suggestion to confirm.
  const person = passed("3", /organisation or a person/i).some((item) => /personal account/.test(item.note));
  const website = ownerWebsite(report);
  const login = website?.split("/").pop();
  if (!person && login !== undefined && website !== undefined)
    return {
      value: [{ clearOwnershipName: login, clearOwnershipURL: website }],
      provenance: "suggested",
      evidence: [website],
    };
  return undefined;
}

/** "No" closed components when every manifest was checked and none was found; the components, with a request for open alternatives, otherwise. */
function platformAnswer(
  row: IndicatorResult | undefined,
  links: (items: readonly Evidence[]) => string[],
): Answer<{ isPlatformIndependent: string; openAlternatives: string[] }> | undefined {
  const criteria = row?.criteria ?? [];
  const closed = criteria
    .filter((criterion) =>
      /open alternative for every closed component|declaration of no closed components/i.test(criterion.question),
    )
    .flatMap((criterion) => criterion.evidence ?? [])
    .filter((item) => /open alternatives:/.test(item.note));
  if (closed.length > 0) {
    return {
      value: {
        isPlatformIndependent: "Yes",
        openAlternatives: closed.map(
          (item) =>
            `${item.note.split(":")[0] ?? item.note}: ${TO_ANSWER} (an open alternative, and how to switch to it)`,
        ),
      },
      provenance: "found",
      evidence: links(closed),
    };
  }
  const clean = criteria.find(
    (criterion) => /closed or source-available terms/i.test(criterion.question) && criterion.outcome === "pass",
  );
  if (clean === undefined) return undefined;
  return {
    value: { isPlatformIndependent: "No", openAlternatives: [] },
    provenance: "suggested",
    evidence: links(clean.evidence ?? []),
  };
}

function suggestedSdgs(
  report: Report,
  link: (path: string, line?: number) => string,
): Answer<{ sdg: string[]; relevance: string }> | undefined {
  const suggestions = (report.sdgSuggestions ?? []).slice(0, DRAFT_SDGS);
  if (suggestions.length === 0) return undefined;
  return {
    value: {
      sdg: suggestions.map((suggestion) => `SDG${suggestion.sdg}: ${SDG_NAMES[suggestion.sdg - 1] ?? suggestion.name}`),
      relevance: `${TO_ANSWER} (suggested from the repository's words; explain the relevance to specific SDG targets)`,
    },
    provenance: "suggested",
    evidence: suggestions.flatMap((suggestion) =>
      suggestion.quotes.flatMap((quote) => (quote.path === undefined ? [] : [link(quote.path, quote.line)])),
    ),
  };
}

/**
 * The licence is answered only when row 2 is met: a rejected licence ("all rights reserved")
 * or one a reviewer must still confirm is not an answer to put in an application.
 */
function licenseAnswer(
  report: Report,
  link: (path: string, line?: number) => string,
): Answer<{ openLicense: string; openLicenseEvidenceURLs: string }[]> | undefined {
  const row = report.results.find((result) => result.indicator === "2");
  if (report.license === null || row === undefined) return undefined;
  // A licence a reviewer must still confirm (sources disagree, only declared) is the screen's
  // best reading: suggested, with the row's reason beside it; a rejected one is no answer.
  if (!isMet(row.outcome) && row.outcome !== "review") return undefined;
  const urls = licenseSources(report).map((path) => link(path));
  return {
    value: idsOf(report.license).map((id) => ({ openLicense: id, openLicenseEvidenceURLs: urls.join(", ") })),
    provenance: isMet(row.outcome) ? "found" : "suggested",
    evidence: urls,
  };
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
