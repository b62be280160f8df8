// The exact .github/dpg.yml section a maintainer fills in for each indicator that needs a
// declaration. Placeholders are <in angle brackets>; in link fields the schema rejects them,
// so a copied-but-unfilled section shows up as an error rather than as evidence.
import type { IndicatorId } from "../../core/indicator.js";

export const DECLARATION_SECTIONS: Partial<Record<IndicatorId, string>> = {
  "1": `sdgs:
  - number: 3 # the SDG number, 1 to 17
    targets: ["3.8"] # the SDG targets the project serves
    relevance: "<how the project advances these targets>"
    evidence:
      - "<a URL or a repository path that shows it, such as docs/impact.md>"
`,
  "3": `owner:
  name: "<legal name of the owner>"
  type: non-profit # government, multilateral, non-profit, academic, company, community, individual or other
  country: "<country where the owner is legally registered>"
  ownsEverything: true # false when some code, content or data belongs to others
  evidence:
    - "<URL of a copyright notice, a trademark or the parent organisation's page>"
`,
  "4": `platformIndependence:
  closedComponents: false # true when a mandatory dependency is more restrictive than the project's licence
  # When true, name an open alternative for each closed component:
  # openAlternatives:
  #   - component: "<closed component>"
  #     alternative: "<open alternative>"
  evidence:
    - "<URL or path of the documentation that explains the dependencies>"
`,
  "5": `documentation:
  evidence:
    - "<URL of the documentation site, or a repository path such as docs/>"
`,
  "6": `nonPersonalData:
  collected: true # false when the project holds no non-personal data or content
  exportMechanism: "<how the data can be exported and imported in open formats: an API, CSV or JSON>"
  evidence:
    - "<URL or path of the API or export documentation>"
`,
  "7": `privacy:
  laws:
    - "<a law the project complies with, such as GDPR>"
  policy: "<URL of the privacy policy or terms of use>"
`,
  "8": `standards:
  openStandards:
    - name: "<an open standard, such as OpenAPI 3.1>"
      evidence:
        - "<URL or path that shows it is followed>"
  bestPractices:
    - name: "<a best practice, such as continuous integration>"
      evidence:
        - "<path such as .github/workflows/ci.yml>"
`,
  "9a": `doNoHarm:
  dataPrivacySecurity:
    personalData: not-collected # or collected, stored, distributed
    protection: "<how privacy, security and integrity of personal data are protected>"
    evidence:
      - "<a path such as SECURITY.md, or a URL>"
`,
  "9b": `doNoHarm:
  harmfulContent:
    content: not-collected # or collected, stored, distributed
    moderation: "<how inappropriate and illegal content is detected, moderated, reported and removed>"
    policy: "<URL of the moderation policy>"
`,
  "9c": `doNoHarm:
  harassment:
    userInteraction: true # false when users and contributors cannot interact
    codeOfConduct: CODE_OF_CONDUCT.md
    reportingProcess: "<how someone reports harassment, and who handles reports>"
    underageSafety: "<how underage users are kept safe, or why there are none>"
`,
};
