// A README's link to the product's own site, as a suggestion for the DPGA draft's website: the
// first address in the README's opening lines whose host carries the product's or repository's
// name (boxtribute.org for boxwise/boxtribute), else the first whose domain is the owner's name
// (learningequality.org for learningequality/kolibri; not play.google.com for a google/...
// repository). Forges, badges, registries, documentation and API hosts, and local or test hosts
// are never the site.
import { lineOf } from "../core/line-index.js";

/** The site is linked near the top, if at all; further down come dependencies and thanks. */
const MAX_LINES = 200;
/** One character class repeated once: linear however the text runs on. */
const ADDRESS = /https?:\/\/[^\s"'()<>[\]`]+/g;
/** Names this short or this common match unrelated hosts ("app.example.org" for "app"). */
const MIN_NAME_CHARS = 4;
const COMMON_WORDS = new Set([
  "core",
  "platform",
  "stack",
  "mobile",
  "desktop",
  "server",
  "client",
  "open",
  "data",
  "project",
  "digital",
  "public",
  "service",
  "services",
  "base",
  "main",
  "site",
  "docs",
]);
/** Hosts that are never a product's own site, by their last labels. */
const NOT_A_SITE =
  /(^|\.)(github\.(com|io)|githubusercontent\.com|gitlab\.com|bitbucket\.org|shields\.io|npmjs\.(com|org)|pypi\.org|docker\.(com|io)|gitbook\.io|readthedocs\.(io|org)|localhost|test|local|example|invalid|ddev\.site|vercel\.app|netlify\.app|herokuapp\.com)$/i;
/** Parts of a host's first label that say it serves something other than the site itself. */
const NOT_THE_HOME =
  /^(docs?|developers?|community|forum|chat|wiki|blog|jira|confluence|jenkins|ci|git|issues|bugs|support|help|api|\w*api|be|backend|releases?|downloads?|staging|sandbox|demo|dev|test|qa|cdn|img|images|static|files|status|play|apps?|store)$/i;

export interface ReadmeWebsite {
  value: string;
  line: number;
}

/**
 * The suggested website, or undefined when no link in the README's opening lines is one.
 * `repository` is the repository's name; `product` the product's names as the README's title and
 * the manifests give them (matched whole: their words are too common one by one); `owner` the
 * owning account's name.
 */
export function readmeWebsite(
  text: string,
  names: { repository: readonly string[]; product: readonly string[]; owner: readonly string[] },
): ReadmeWebsite | undefined {
  const product = [...nameTokens(names.repository), ...names.product.map(joined).filter(usable)];
  const owner = nameTokens(names.owner);
  if (product.length === 0 && owner.length === 0) return undefined;
  let byOwner: ReadmeWebsite | undefined;
  for (const match of openingLines(text).matchAll(ADDRESS)) {
    const url = parse(trimPunctuation(match[0]));
    if (url === undefined || NOT_A_SITE.test(url.hostname)) continue;
    const labels = url.hostname.split(".");
    const home = labels.length === 2 || (labels.length === 3 && labels[0] === "www");
    if (!home && (labels[0] ?? "").split("-").some((part) => NOT_THE_HOME.test(part))) continue;
    const domain = labels[labels.length - 2] ?? "";
    const subdomains = labels.slice(0, -2);
    const site = (): ReadmeWebsite => ({ value: siteAddress(url, product), line: lineOf(text, match.index) });
    // The product's own domain, or its host under its owner's domain (fineract.apache.org); not
    // a deployment under someone else's (product.ministry.gov.example).
    if (carriesName(domain, product)) return site();
    if (carriesName(domain, owner) && subdomains.some((label) => carriesName(label, product))) return site();
    // An owner's domain, not any host under it: a large owner's hosts serve everything.
    if (byOwner === undefined && home && carriesName(domain, owner)) byOwner = site();
  }
  return byOwner;
}

/** The page itself when its path names the product (learningequality.org/kolibri/), else the site's root. */
function siteAddress(url: URL, product: readonly string[]): string {
  const first = url.pathname.split("/")[1] ?? "";
  return product.includes(first.toLowerCase()) ? `${url.origin}/${first}/` : `${url.origin}/`;
}

function openingLines(text: string): string {
  let end = -1;
  for (let count = 0; count < MAX_LINES; count += 1) {
    end = text.indexOf("\n", end + 1);
    if (end === -1) return text;
  }
  return text.slice(0, end);
}

/** Lower-case runs of letters and digits from the names, and each name with its separators removed. */
function nameTokens(names: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    for (const part of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (usable(part)) tokens.add(part);
    if (usable(joined(name))) tokens.add(joined(name));
  }
  return [...tokens];
}

function joined(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function usable(token: string): boolean {
  return token.length >= MIN_NAME_CHARS && !COMMON_WORDS.has(token);
}

/** A host label carries a name when one of its hyphen-separated parts, or the whole label without hyphens, is it. */
function carriesName(label: string, tokens: readonly string[]): boolean {
  const lower = label.toLowerCase();
  const parts = new Set([...lower.split("-"), lower.replace(/-/g, "")]);
  return tokens.some((token) => parts.has(token));
}

function parse(address: string): URL | undefined {
  try {
    const url = new URL(address);
    return url.username === "" && url.password === "" && url.port === "" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A sentence's full stop or a Markdown emphasis mark after an address is not part of it. */
function trimPunctuation(address: string): string {
  let end = address.length;
  while (end > 0 && ".,;:!?*_".includes(address.charAt(end - 1))) end -= 1;
  return address.slice(0, end);
}
