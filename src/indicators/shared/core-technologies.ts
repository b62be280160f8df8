// The core technologies the DPGA form asks for (languages, frameworks, databases), read from
// file extensions and dependency names. A list for the maintainer to confirm, not a verdict.
import { isOwnPath } from "../../core/classify-path.js";
import type { Dependency } from "../../core/manifest-facts.js";

const LANGUAGES: Record<string, string> = {
  ts: "TypeScript",
  tsx: "TypeScript",
  js: "JavaScript",
  jsx: "JavaScript",
  py: "Python",
  java: "Java",
  kt: "Kotlin",
  go: "Go",
  rs: "Rust",
  php: "PHP",
  rb: "Ruby",
  cs: "C#",
  dart: "Dart",
  swift: "Swift",
  c: "C",
  cpp: "C++",
  r: "R",
  scala: "Scala",
  ex: "Elixir",
};

const TECHNOLOGIES: readonly [RegExp, string][] = [
  [/^(react|react-dom)$/, "React"],
  [/^@angular\/core$/, "Angular"],
  [/^vue$/, "Vue"],
  [/^next$/, "Next.js"],
  [/^express$/, "Express"],
  [/^django$/i, "Django"],
  [/^flask$/i, "Flask"],
  [/^fastapi$/i, "FastAPI"],
  [/^org\.springframework(\.boot)?:/, "Spring"],
  [/^laravel\/framework$/, "Laravel"],
  [/^symfony\//, "Symfony"],
  [/^rails$/, "Ruby on Rails"],
  [/^flutter$/, "Flutter"],
  [/^(library\/)?postgres(ql)?$|^postgis\/|^(pg|psycopg2?(-binary)?|org\.postgresql:postgresql)$/, "PostgreSQL"],
  [
    /^(library\/)?(mysql|mariadb)$|^(mysql2?|mysqlclient|com\.mysql:mysql-connector-j|mysql:mysql-connector-java)$/,
    "MySQL or MariaDB",
  ],
  [/^(library\/)?mongo$|^(mongodb|mongoose|pymongo)$/, "MongoDB"],
  [/^(library\/)?redis$/, "Redis"],
  [/^(library\/)?elasticsearch$|^docker\.elastic\.co\/elasticsearch\//, "Elasticsearch"],
  [/^opensearchproject\/opensearch$/, "OpenSearch"],
];

export function coreTechnologies(paths: readonly string[], dependencies: readonly Dependency[]): string[] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    if (!isOwnPath(path)) continue;
    const language = LANGUAGES[/\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ""];
    if (language !== undefined) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const languages = [...counts]
    .sort((left, right) => right[1] - left[1])
    .slice(0, 3)
    .map(([language]) => language);
  const found = new Set<string>();
  for (const dependency of dependencies) {
    for (const [pattern, technology] of TECHNOLOGIES) if (pattern.test(dependency.name)) found.add(technology);
  }
  return [...languages, ...found];
}
