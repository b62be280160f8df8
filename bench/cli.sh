#!/usr/bin/env bash
# CLI benchmarks (docs/benchmarks.md, "CLI"): whole processes timed from outside with GNU time
# (bench/pair.sh), each pair of commands alternated (A B A B ...) so ratios are taken side by side.
#   npm run build && bash bench/cli.sh [startup|licensee|tree|jobs|trees|cores|all]
# Needs licensee (apt-get install -y ruby-licensee) for the licensee section.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${CORPUS:-/work/shared/corpus}"
RUNS="${BENCH_RUNS:-5}"
CLI="node bin/dpg-screener.js screen"
WORK="${TMPDIR:-/tmp}/dpg-bench-cli"
mkdir -p "$WORK"
section="${1:-all}"

# Eight real DPG folders of different sizes (metadata files of the registered repositories).
FOLDERS=(Altinn__altinn-studio Bahmni__bahmni-core GRS-DPG__GRS-WEB apache__fineract coronasafe__care
  dhis2__dhis2-core digdir__designsystemet boxwise__boxtribute)

if [[ "$section" == startup || "$section" == all ]]; then
  echo "## start-up: --version and a screen of an empty folder, against node -e ''"
  mkdir -p "$WORK/empty"
  bash bench/pair.sh "$RUNS" "$CLI --version" "node -e ''"
  bash bench/pair.sh "$RUNS" "$CLI $WORK/empty --format json" "node -e ''"
fi

if [[ "$section" == licensee || "$section" == all ]]; then
  echo "## one process per folder: full screen against licensee's licence-only detection"
  if command -v licensee >/dev/null; then
    for folder in "${FOLDERS[@]}"; do
      echo "### $folder"
      bash bench/pair.sh "$RUNS" "$CLI $CORPUS/$folder --format json" "licensee detect $CORPUS/$folder"
    done
  else
    echo "licensee is not installed (apt-get install -y ruby-licensee); against find and node start-up instead"
    for folder in "${FOLDERS[@]}"; do
      bash bench/pair.sh "$RUNS" "$CLI $CORPUS/$folder --format json" "find $CORPUS/$folder"
    done
  fi
fi

if [[ "$section" == tree || "$section" == all ]]; then
  echo "## 50,000-file generated tree against find listing it"
  tree="$WORK/tree-50k"
  if [[ ! -f "$tree/.done" ]]; then
    rm -rf "$tree"
    node -e '
      const { mkdirSync, writeFileSync } = require("node:fs");
      const root = process.argv[1];
      writeFileSync(root + "/README.md", "# Generated\n\nA tree of 50,000 files.\n", { flag: "w" });
      for (let d = 0; d < 500; d += 1) {
        const dir = `${root}/src/pkg${d}`;
        mkdirSync(dir, { recursive: true });
        for (let f = 0; f < 100; f += 1) writeFileSync(`${dir}/m${f}.py`, "print(1)\n");
      }
    ' "$(mkdir -p "$tree" && echo "$tree")"
    cp LICENSE "$tree/LICENSE"
    touch "$tree/.done"
  fi
  bash bench/pair.sh "$RUNS" "$CLI $tree --format json" "find $tree"
  bash bench/pair.sh "$RUNS" "find $tree" "node -e ''"
  # The floor of any Node listing: the smallest walk that counts the files (readdirSync with file
  # types, as the local snapshot lists), against find and against Node starting.
  walk='const fs = require("node:fs"); const queue = [process.argv[1]]; let files = 0;
    while (queue.length > 0) { const dir = queue.pop(); for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) queue.push(dir + "/" + entry.name); else files += 1; } console.log(files);'
  bash bench/pair.sh "$RUNS" "node -e '$walk' $tree" "find $tree"
  bash bench/pair.sh "$RUNS" "node -e '$walk' $tree" "node -e ''"
  bash bench/pair.sh "$RUNS" "$CLI $tree --format json" "$CLI $WORK/empty --format json"
fi

if [[ "$section" == jobs || "$section" == all ]]; then
  echo "## 47 repositories in one call: --jobs 2 against --jobs 1"
  mapfile -t all < <(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | sort)
  targets=("${all[@]}")
  # The corpus has 35 folders: the first 12 again make the 47 of the issue.
  targets+=("${all[@]:0:12}")
  echo "${#targets[@]} targets"
  bash bench/pair.sh "$RUNS" "$CLI ${targets[*]} --format json --jobs 2" "$CLI ${targets[*]} --format json --jobs 1"
fi

if [[ "$section" == trees || "$section" == all ]]; then
  # The corpus folders hold only metadata files; their TREE.txt lists the real repository. Made
  # into folders (listed files empty, metadata files copied), they are real-size trees.
  trees="$WORK/corpus-trees"
  if [[ ! -f "$trees/.done" ]]; then
    rm -rf "$trees"
    for folder in "$CORPUS"/*/; do
      name="$(basename "$folder")"
      node -e '
        const { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } = require("node:fs");
        const { dirname, join } = require("node:path");
        const [from, to] = process.argv.slice(1);
        for (const path of readFileSync(join(from, "TREE.txt"), "utf8").split("\n").filter(Boolean)) {
          const target = join(to, path);
          mkdirSync(dirname(target), { recursive: true });
          if (existsSync(join(from, path))) cpSync(join(from, path), target);
          else writeFileSync(target, "");
        }
      ' "$folder" "$trees/$name"
    done
    touch "$trees/.done"
  fi
  mapfile -t all < <(find "$trees" -mindepth 1 -maxdepth 1 -type d | sort)
  targets=("${all[@]}" "${all[@]:0:12}")
  echo "## 47 real-size trees in one call: --jobs 2 against --jobs 1; --jobs 1 against V8 without background threads"
  bash bench/pair.sh "$RUNS" "$CLI ${targets[*]} --format json --jobs 2" "$CLI ${targets[*]} --format json --jobs 1"
  bash bench/pair.sh "$RUNS" "$CLI ${targets[*]} --format json --jobs 1" \
    "node --single-threaded bin/dpg-screener.js screen ${targets[*]} --format json --jobs 1"
  # What this machine's cores allow, whatever the CLI does: the same 47 screens as two separate
  # processes at once (half each, nothing shared), against one process doing all of them. 2 / this
  # wall ratio is the most any --jobs 2 can gain here.
  half=$((${#targets[@]} / 2))
  echo "## ceiling: two processes at once (half the targets each) against one process, both --jobs 1"
  bash bench/pair.sh "$RUNS" \
    "$CLI ${targets[*]:0:half} --format json --jobs 1 & $CLI ${targets[*]:half} --format json --jobs 1; wait" \
    "$CLI ${targets[*]} --format json --jobs 1"
fi

if [[ "$section" == cores || "$section" == all ]]; then
  # The same ceiling for pure CPU work: one thread spinning, against two threads spinning the same
  # amount each at once. With two free cores the ratio is 1.00x; above that the cores are shared.
  echo "## cores: two threads of CPU-bound work at once against one"
  spin='let s = 0; for (let i = 0; i < 3e8; i += 1) s += i % 7;'
  bash bench/pair.sh "$RUNS" \
    "node -e 'const { Worker } = require(\"node:worker_threads\"); for (let k = 0; k < 2; k += 1) new Worker(process.argv[1], { eval: true });' '$spin'" \
    "node -e '$spin'"
fi
