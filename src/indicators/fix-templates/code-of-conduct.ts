// A short CODE_OF_CONDUCT.md that adopts the Contributor Covenant by reference and names the
// reporting contact, which is what indicator 9c checks for.

export const CONTRIBUTOR_COVENANT_URL = "https://www.contributor-covenant.org/version/2/1/code_of_conduct/";

export const CODE_OF_CONDUCT_TEMPLATE = `# Code of conduct

This project adopts the [Contributor Covenant, version 2.1](${CONTRIBUTOR_COVENANT_URL}).
Everyone who takes part (in issues, pull requests, chat, meetings and events) is expected to follow it.

## Reporting

If you experience or witness unacceptable behaviour, report it to **<reporting contact: an e-mail address that reaches more than one person>**.
Reports are handled confidentially by <names or roles of the people who handle reports>.

## Enforcement

Maintainers may remove comments, commits and other contributions that break this code of conduct,
and may ban temporarily or permanently anyone whose behaviour is harmful.
`;
