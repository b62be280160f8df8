import { describe, expect, it } from "@jest/globals";
import { readmeWebsite } from "../../src/product/readme-website.js";
import { screenMemory } from "../helpers/screen-memory.js";

const names = (repository: string, owner: string, product: string[] = []) => ({
  repository: [repository],
  owner: [owner],
  product,
});

describe("a README's link to the product's site", () => {
  it("takes the first host on the product's own domain, with the line it is on", () => {
    const text =
      "# Boxtribute\n\n[![CI](https://circleci.com/gh/boxwise/boxtribute.svg)](https://circleci.com/x)\n\nSee https://www.boxtribute.org/about.\n";
    expect(readmeWebsite(text, names("boxtribute", "boxwise"))).toEqual({
      value: "https://www.boxtribute.org/",
      line: 5,
    });
  });

  it("keeps the page when its path names the product, and a host under the owner's domain named after the product", () => {
    expect(
      readmeWebsite("Read https://learningequality.org/kolibri/features", names("kolibri", "learningequality")),
    ).toEqual({
      value: "https://learningequality.org/kolibri/",
      line: 1,
    });
    expect(readmeWebsite("Home: http://fineract.apache.org/#contribute", names("fineract", "apache"))?.value).toBe(
      "http://fineract.apache.org/",
    );
  });

  it("falls back to the owner's own domain, but never to any host under it", () => {
    const text = "Install from https://play.google.com/store/apps/x or read https://developers.google.com/fhir.\n";
    expect(readmeWebsite(text, names("android-fhir", "google"))).toBeUndefined();
    expect(readmeWebsite(`${text}Made by https://www.datakind.org/blog/post\n`, names("dot", "datakind"))?.value).toBe(
      "https://www.datakind.org/",
    );
  });

  it("prefers the product's site to its owner's, wherever each appears", () => {
    const text = "By https://www.dyne.org.\n\nVisit https://interfacer.eu/ for more.\n";
    expect(readmeWebsite(text, names("interfacer", "dyne"))?.value).toBe("https://interfacer.eu/");
  });

  it("does not take a deployment under someone else's domain, documentation, API or release hosts", () => {
    const text = [
      "Running at https://climweb.met.gov.example and https://docs.climweb.org and",
      "https://climweb-api.climweb.org and https://releases.climweb.org, https://care-be-docs.climweb.org",
    ].join("\n");
    expect(readmeWebsite(text, names("climweb", "wmo-raf"))).toBeUndefined();
  });

  it("does not take forges, badges, registries, local or test hosts, or addresses with a port or credentials", () => {
    const text = [
      "https://github.com/acme/harvest https://img.shields.io/harvest https://pypi.org/project/harvest",
      "http://localhost:8000 http://harvest.test https://harvest.ddev.site https://harvest.org:8443",
      "https://user:secret@harvest.org/",
    ].join("\n");
    expect(readmeWebsite(text, names("harvest", "acme"))).toBeUndefined();
  });

  it("matches the README's title and package names whole, the repository's name also word by word", () => {
    const text = "Data from https://standard.open-contracting.org/ shown at https://opencontractingportal.org/\n";
    expect(readmeWebsite(text, names("ocportal", "devgateway", ["Open Contracting Portal"]))?.value).toBe(
      "https://opencontractingportal.org/",
    );
    expect(readmeWebsite("https://bebbo.app/", names("parenting-app-bebbo-mobile", "UNICEFECAR"))?.value).toBe(
      "https://bebbo.app/",
    );
    // Short and common words name nothing.
    expect(readmeWebsite("https://app.example/ https://core.example/", names("app-core", "x"))).toBeUndefined();
  });

  it("reads only the README's opening lines", () => {
    const text = `${"line\n".repeat(200)}https://harvest.org/\n`;
    expect(readmeWebsite(text, names("harvest", "acme"))).toBeUndefined();
    expect(readmeWebsite(`${"line\n".repeat(199)}https://harvest.org/\n`, names("harvest", "acme"))?.line).toBe(200);
  });

  it("drops a sentence's closing punctuation and emphasis from the address", () => {
    expect(readmeWebsite("Go to **https://harvest.org**.", names("harvest", "acme"))?.value).toBe(
      "https://harvest.org/",
    );
  });
});

describe("the product's website in a screen", () => {
  const metadata = { name: "harvest", fullName: "acme/harvest", url: "https://github.com/acme/harvest" };

  it("is suggested from the README, with its file and line, when no manifest states one", async () => {
    const report = await screenMemory(
      { "README.md": "# Harvest\n\nCrop planning. See https://harvest.org for more.\n" },
      { metadata },
    );
    expect(report.product?.website).toEqual({
      value: "https://harvest.org/",
      provenance: "suggested",
      source: "readme",
      path: "README.md",
      line: 3,
    });
  });

  it("is not a manifest's homepage on a forge (npm's default), which is a repository, not a website", async () => {
    const report = await screenMemory(
      {
        "package.json": JSON.stringify({ name: "harvest", homepage: "https://github.com/acme/harvest#readme" }),
        "README.md": "# Harvest\n",
      },
      { metadata },
    );
    expect(report.product?.website).toBeUndefined();
  });

  it("is a manifest's homepage elsewhere, found, before any README link", async () => {
    const report = await screenMemory(
      {
        "package.json": JSON.stringify({ name: "harvest", homepage: "https://harvest.example.org" }),
        "README.md": "# Harvest\n\nSee https://harvest.org.\n",
      },
      { metadata },
    );
    expect(report.product?.website).toMatchObject({ value: "https://harvest.example.org", provenance: "found" });
  });
});
