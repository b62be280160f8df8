// The GitHub App's settings, which live in the same .github/dpg.yml as the declaration.
// Read by the App; defined here so the one file validates as a whole.
import type { z } from "zod";
import { once, zod } from "./zod.js";

export const ISSUE_MODES = ["off", "tracking", "per-indicator"] as const;

export const LABEL_COMMA_MESSAGE =
  "must not contain a comma: GitHub reads commas in a label filter as several labels, so the App could not find its own issues";

export const appSettingsShape = once(() => {
  const z = zod();
  return {
    issues: z
      .strictObject({
        mode: z
          .enum(ISSUE_MODES)
          .optional()
          .describe(
            "Whether the App opens issues: off, one tracking issue, or one issue per unmet indicator. Unset lets the App decide.",
          ),
        label: z
          .string()
          .min(1)
          // GitHub reads `labels` in the issues list as comma-separated (all must match): a comma would
          // make the App miss its own issues and open a duplicate on every push.
          .refine((label) => !label.includes(","), { message: LABEL_COMMA_MESSAGE })
          .optional()
          .describe("Label put on the App's issues (default: dpg-screener)."),
      })
      .optional()
      .describe("Issues the GitHub App opens."),
    check: z
      .strictObject({
        failOn: z
          .enum(["fail", "never"])
          .optional()
          .describe("When the check run concludes as failure: on any failing indicator (default) or never."),
      })
      .optional()
      .describe("The GitHub App's check run."),
    screen: z
      .strictObject({
        archived: z.boolean().optional().describe("Screen the repository even when archived (default false)."),
        forks: z.boolean().optional().describe("Screen forks (default false)."),
        private: z.boolean().optional().describe("Screen private repositories (default false)."),
      })
      .optional()
      .describe("Which repositories the GitHub App screens."),
  };
});

export const appSettingsSchema = once(() => zod().strictObject(appSettingsShape()));
export type AppSettingsInput = z.infer<ReturnType<typeof appSettingsSchema>>;

export interface AppSettings {
  issues: { mode: (typeof ISSUE_MODES)[number] | undefined; label: string };
  check: { failOn: "fail" | "never" };
  screen: { archived: boolean; forks: boolean; private: boolean };
}

export const APP_SETTINGS_DEFAULTS: AppSettings = {
  issues: { mode: undefined, label: "dpg-screener" },
  check: { failOn: "fail" },
  screen: { archived: false, forks: false, private: false },
};

/** The settings with every default filled in; `value` is an accepted declaration value. */
export function readAppSettings(value: Record<string, unknown> | undefined): AppSettings {
  const parsed = appSettingsSchema().safeParse(pick(value ?? {}, Object.keys(appSettingsShape())));
  const input: AppSettingsInput = parsed.success ? parsed.data : {};
  return {
    issues: {
      mode: input.issues?.mode ?? APP_SETTINGS_DEFAULTS.issues.mode,
      label: input.issues?.label ?? APP_SETTINGS_DEFAULTS.issues.label,
    },
    check: { failOn: input.check?.failOn ?? APP_SETTINGS_DEFAULTS.check.failOn },
    screen: {
      archived: input.screen?.archived ?? false,
      forks: input.screen?.forks ?? false,
      private: input.screen?.private ?? false,
    },
  };
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key)));
}
