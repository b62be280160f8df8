// The dashboard in a real browser: Debian's Chromium driven by playwright-core (its own browser
// download is not used), over the App's own store (PGlite) filled with generated reports.
// Filter, sort, open a repository, see the chart drawn, and run axe-core
// on both pages with the page's real Content-Security-Policy in force. Screenshots are kept in
// test-artifacts/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { fillStore, generateOrganization, serveSource, type ServedDashboard } from "../helpers/dashboard-fixture.js";
import { engines } from "../helpers/test-database.js";
import type { Database } from "../../src/store/database.js";
import { ReportStore } from "../../src/store/report-store.js";
import { StoreDashboardSource } from "../../src/dashboard/store-dashboard-source.js";

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = "test-artifacts";
const available = existsSync(CHROMIUM);

if (!available && process.env.CI !== undefined) {
  throw new Error(`Chromium is required in CI for the dashboard browser tests and was not found at ${CHROMIUM}`);
}
if (!available) {
  console.warn(
    `Dashboard browser tests skipped: no Chromium at ${CHROMIUM}. Install Debian's "chromium" package (.ci/run does) or set CHROMIUM_PATH.`,
  );
}

jest.setTimeout(60_000);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
  const violations = (await page.evaluate(
    `${source}; axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
}

(available ? describe : describe.skip)("dashboard in Chromium", () => {
  let browser: Browser;
  let dashboard: ServedDashboard;
  let page: Page;
  let database: Database;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    database = await engines[0]!.open();
    await fillStore(new ReportStore(database), generateOrganization("acme", 120));
    dashboard = await serveSource(new StoreDashboardSource(database));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await database?.close();
  });

  it("filters, sorts and pages the organisation table, with no serious accessibility violation", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${dashboard.url}/dpg/orgs/acme`);
    expect(await page.locator("h1").textContent()).toBe("DPG readiness: acme");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to content");

    await page.selectOption("#row-2", "fail");
    await page.click("button[type=submit]");
    await page.waitForURL(/row-2=fail/);
    const cells = await page.locator("tbody tr td:nth-child(4)").allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((text) => text.includes("missing"))).toBe(true);

    await page.click("thead th:nth-child(2) a");
    await page.waitForURL(/sort=met/);
    expect(await page.getAttribute("thead th:nth-child(2)", "aria-sort")).toBe("ascending");
    const met = (await page.locator("tbody tr td:nth-child(2)").allTextContents()).map((text) =>
      Number.parseInt(text, 10),
    );
    expect([...met].sort((a, b) => a - b)).toEqual(met);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-organization.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("opens a repository, draws its history chart and passes axe", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${dashboard.url}/dpg/orgs/acme`);
    await page.click("tbody tr:first-child th a");
    await page.waitForURL(/\/dpg\/repos\/acme\/repo-0001$/);
    expect(await page.locator("h1").textContent()).toBe("acme/repo-0001");
    await page.waitForSelector("#history-chart[data-rendered=true] canvas");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-repository.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
