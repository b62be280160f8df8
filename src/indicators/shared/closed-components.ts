// Components whose licence is closed or source-available, kept as data so a change of terms
// is a one-line edit. Recorded 2026-11-28 from the DPGA platform-independence guide (cited
// below) and the vendors' licence announcements; re-check each `source` before extending.
import type { Dependency, DependencyEcosystem } from "../../core/manifest-facts.js";
import { PLATFORM_GUIDANCE_URL } from "./guidance.js";

export interface ClosedComponent {
  name: string;
  ecosystems: readonly DependencyEcosystem[];
  /** Package or image names, matched against the whole name. */
  names: RegExp;
  /** Affected versions; `undefined` (no version written) means the newest. All when omitted. */
  affects?: (version: readonly number[] | undefined) => boolean;
  terms: string;
  openAlternatives: string;
  sources: readonly string[];
}

const atLeast = (minimum: readonly number[]) => (version: readonly number[] | undefined) =>
  version === undefined || compare(version, minimum) >= 0;
const between = (from: readonly number[], below: readonly number[]) => (version: readonly number[] | undefined) =>
  version !== undefined && compare(version, from) >= 0 && compare(version, below) < 0;

export const CLOSED_COMPONENTS: readonly ClosedComponent[] = [
  {
    name: "MongoDB server (4.0.3 and later, released after 2018-10-16)",
    ecosystems: ["docker"],
    names: /^(library\/)?mongo$|^mongodb\/mongodb-(community|enterprise)-server$/,
    affects: atLeast([4, 0, 3]),
    terms: "SSPL-1.0 (not OSI-approved)",
    openAlternatives: "PostgreSQL, FerretDB, or MongoDB 4.0.2 and earlier",
    sources: [PLATFORM_GUIDANCE_URL, "https://www.mongodb.com/legal/licensing/server-side-public-license/faq"],
  },
  {
    name: "Elasticsearch 7.11 to 8.15",
    ecosystems: ["docker"],
    names: /^(library\/)?elasticsearch$|^docker\.elastic\.co\/elasticsearch\/elasticsearch$/,
    affects: between([7, 11], [8, 16]),
    terms: "Elastic License 2.0 or SSPL-1.0 (AGPL-3.0 was added from 8.16)",
    openAlternatives: "OpenSearch, or Elasticsearch 8.16 and later under AGPL-3.0",
    sources: [PLATFORM_GUIDANCE_URL, "https://www.elastic.co/blog/elasticsearch-is-open-source-again"],
  },
  {
    name: "Kibana 7.11 to 8.15",
    ecosystems: ["docker"],
    names: /^(library\/)?kibana$|^docker\.elastic\.co\/kibana\/kibana$/,
    affects: between([7, 11], [8, 16]),
    terms: "Elastic License 2.0 or SSPL-1.0",
    openAlternatives: "OpenSearch Dashboards, or Kibana 8.16 and later under AGPL-3.0",
    sources: [PLATFORM_GUIDANCE_URL, "https://www.elastic.co/blog/elasticsearch-is-open-source-again"],
  },
  {
    name: "Redis 7.4",
    ecosystems: ["docker"],
    names: /^(library\/)?redis$/,
    affects: between([7, 4], [8]),
    terms: "RSALv2 or SSPL-1.0 (AGPL-3.0 was added from 8.0)",
    openAlternatives: "Valkey, Redis 7.2 or earlier, or Redis 8 under AGPL-3.0",
    sources: [PLATFORM_GUIDANCE_URL, "https://redis.io/blog/redis-adopts-dual-source-available-licensing/"],
  },
  {
    name: "Mapbox GL JS 2 and later",
    ecosystems: ["npm"],
    names: /^mapbox-gl$/,
    affects: atLeast([2]),
    terms: "Mapbox Terms of Service (proprietary since December 2020)",
    openAlternatives: "MapLibre GL JS (a fork of Mapbox GL JS 1.13)",
    sources: [PLATFORM_GUIDANCE_URL, "https://github.com/mapbox/mapbox-gl-js/blob/main/CHANGELOG.md"],
  },
  {
    name: "Google Maps Platform SDK",
    ecosystems: ["npm", "maven", "pub"],
    names:
      /^(@react-google-maps\/api|@googlemaps\/js-api-loader|google-maps-react|@vis\.gl\/react-google-maps|com\.google\.android\.gms:play-services-maps|google_maps_flutter)$/,
    terms: "a proprietary Google cloud service",
    openAlternatives: "OpenStreetMap with Leaflet, MapLibre or osmdroid",
    sources: ["https://cloud.google.com/maps-platform/terms"],
  },
];

/** The closed component a dependency is, if any. */
export function closedComponentOf(dependency: Dependency): ClosedComponent | undefined {
  return CLOSED_COMPONENTS.find(
    (component) =>
      component.ecosystems.includes(dependency.ecosystem) &&
      component.names.test(dependency.name) &&
      (component.affects === undefined || component.affects(versionOf(dependency.version))),
  );
}

/** The first dotted number in a version or range ("^2.1.0" → [2, 1, 0]); undefined for "latest" or none. */
export function versionOf(version: string | undefined): number[] | undefined {
  const match = /(\d+(?:\.\d+)*)/.exec(version ?? "");
  return match?.[1] === undefined ? undefined : match[1].split(".").map(Number);
}

function compare(left: readonly number[], right: readonly number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
