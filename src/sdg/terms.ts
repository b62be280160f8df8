// Text to index terms, the same way for the UN texts and for a repository's words: lower-case
// words, stop words dropped, Porter-stemmed, plus each pair of neighbouring words ("public health")
// so that phrases weigh more than their parts. One pass, linear in the text.
import isoStopWords from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { stemmer } from "stemmer";
import { SDG_DOMAIN_TERMS } from "./sdg-domain-terms.js";

/** Function words, and words every software README uses whatever its purpose. Always dropped. */
const OWN_STOP_WORDS = new Set(
  (
    "a about above after again all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each etc few for from further had has have having he her here hers him his " +
    "how i if in into is it its itself just may me might more most must my no nor not now of off on once only or other " +
    "our ours out over own per same she should so some such than that the their theirs them then there these they this " +
    "those through to too under until up upon very via was we were what when where which while who whom why will with " +
    "would you your yours " +
    // generic software vocabulary: a README about anything says these
    "app apps application applications api apis build code software tool tools user users " +
    "use used using source project projects feature features version run running install " +
    "installation support supports web mobile android ios server client database docker file files new create make " +
    "manage based provides including include includes one two many well see please github license " +
    "readme documentation docs contributing contribute repository release http https www com org html " +
    // the targets' own drafting words, which say nothing about a project's domain
    "achieve achieving action address adopt appropriate available aim aiming basic build building capacity " +
    "circumstances complete context control create creating encourage enhance ensure event experience focus form " +
    "goal goals implement implementing increase initiative initiatives means measures particular promote " +
    "promoting provide providing reduce related respective significantly size standard status strengthen " +
    "substantially target targets technical time upgrade value clean reverse"
  ).split(" "),
);

/** Words of the curated domain terms: never dropped by the general English list. */
const DOMAIN_WORDS = new Set(
  Object.values(SDG_DOMAIN_TERMS)
    .flat()
    .flatMap((term) => term.toLowerCase().split(/[^\p{L}\p{N}]+/u)),
);

/** A general English stop-word list (stopwords-iso), less the domain words. */
const STOP_WORDS = new Set([
  ...OWN_STOP_WORDS,
  ...(isoStopWords as Record<string, string[]>)["en"]!.filter((word) => !DOMAIN_WORDS.has(word)),
]);
/** Stop words compared after stemming too, so "building" is dropped with "build". */
const STOP_STEMS = new Set([...STOP_WORDS].map((word) => stemmer(word)));

/**
 * Words that say something only next to another word: "production" in "food production" but not
 * in "production deployment", "data" in "open data", "job" in "job seekers" but not in "batch
 * job" or "pipeline jobs". They count inside word pairs, never alone.
 */
const PAIR_ONLY = new Set(
  (
    "access activities action community data open platform service services system systems management content countries country deploy deployment design develop developed " +
    "developer developers development distributed distribution document documents efficiency efficient environment " +
    "global identity implement implementation improve information infrastructure integrated integration international " +
    "knowledge level levels local national network organisation organisations organization organizations people " +
    "job jobs planning process processes production public quality report reporting reports research resource resources secure " +
    "security share shared sharing team teams test testing work working world migration migrations rule rules"
  ).split(" "),
);
const PAIR_ONLY_STEMS = new Set([...PAIR_ONLY].map((word) => stemmer(word)));

/** Letters and digits only; hyphens split ("e-learning" → "e", "learning"; "e" is then too short). */
const WORD = /[\p{L}\p{N}]+/gu;

/** Words shorter than this carry no topic ("e", "id", "ui"), except a few known acronyms below. */
const MIN_WORD = 3;
const SHORT_WORDS = new Set(["hiv", "sea"]);

interface Word {
  stem: string;
  /** Counts only as part of a pair. */
  pairOnly: boolean;
}

/** The words of `text` that are not stop words, stemmed, in order. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length < MIN_WORD && !SHORT_WORDS.has(word)) continue;
    if (word.length > 40 || /^\d+$/.test(word)) continue;
    const stem = stemmer(word);
    const pairOnly = PAIR_ONLY.has(word) || (PAIR_ONLY_STEMS.has(stem) && !DOMAIN_WORDS.has(word));
    if (!pairOnly && (STOP_WORDS.has(word) || (STOP_STEMS.has(stem) && !DOMAIN_WORDS.has(word)))) continue;
    out.push({ stem, pairOnly });
  }
  return out;
}

/** Terms of a text: its word stems and each pair of neighbouring stems, joined by a space. */
export function terms(text: string): string[] {
  const found = words(text);
  const out: string[] = [];
  for (let index = 0; index < found.length; index += 1) {
    const word = found[index] as Word;
    if (!word.pairOnly) out.push(word.stem);
    const previous = found[index - 1];
    if (previous !== undefined) out.push(`${previous.stem} ${word.stem}`);
  }
  return out;
}
