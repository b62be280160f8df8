// The 17 Sustainable Development Goals with their official titles and targets, from the UN's
// own texts shipped with their source (un-sdg-texts.json), checked once on load.
import unTexts from "./un-sdg-texts.json" with { type: "json" };

export interface SdgGoal {
  number: number;
  name: string;
  title: string;
  targets: Readonly<Record<string, string>>;
}

const TARGET_NUMBER = /^\d{1,2}\.(\d{1,2}|[a-d])$/;

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/**
 * The shipped data file's shape, checked by hand rather than with zod: it runs on every screen,
 * and zod is loaded only for a declaration (declaration/zod.ts).
 */
export function checkUnTexts(data: unknown): SdgGoal[] {
  const record = data as { about?: unknown; source?: unknown; goals?: unknown } | null;
  if (typeof record?.about !== "string" || typeof record.source !== "string" || !Array.isArray(record.goals))
    throw new Error("un-sdg-texts.json: about, source and goals are required");
  if (record.goals.length !== 17) throw new Error("un-sdg-texts.json: there must be 17 goals");
  return record.goals.map((value: unknown, index) => {
    const goal = value as Partial<Record<keyof SdgGoal, unknown>> | null;
    const targets = goal?.targets;
    if (
      goal?.number !== index + 1 ||
      !isText(goal.name) ||
      !isText(goal.title) ||
      typeof targets !== "object" ||
      targets === null ||
      Array.isArray(targets) ||
      !Object.entries(targets).every(([number, text]) => TARGET_NUMBER.test(number) && isText(text))
    )
      throw new Error(`un-sdg-texts.json: goal ${index + 1} is malformed (goals must be numbered 1 to 17 in order)`);
    return { number: goal.number, name: goal.name, title: goal.title, targets: targets as Record<string, string> };
  });
}

/** The 17 goals in order, checked once on load: a broken data file fails loudly, not quietly. */
export const SDG_GOALS: readonly SdgGoal[] = checkUnTexts(unTexts);
