// Links to the DPGA's guidance, in one place so a move of the Standard is a one-line change.

export const STANDARD_URL = "https://github.com/DPGAlliance/dpg-standard/blob/main/standard.md";
export const LICENSE_GUIDANCE_URL = "https://github.com/DPGAlliance/dpg-resources/wiki/2.-Open-Licensing";
export const PLATFORM_GUIDANCE_URL =
  "https://github.com/DPGAlliance/dpg-resources/blob/main/docs/platform-independence/README.md";
export const DOCUMENTATION_GUIDANCE_URL = "https://github.com/DPGAlliance/dpg-resources/wiki/5.-Documentation";
export const QUESTIONS_URL = "https://github.com/DPGAlliance/dpg-standard/blob/main/standard-questions.md";
