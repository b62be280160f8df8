#!/usr/bin/env bash
# Times two whole commands side by side with GNU time (/usr/bin/time -f): runs A and B alternately
# (A B A B ...) so both see the same machine, then prints each one's median wall time, median CPU
# (user + system) and largest peak RSS, and the ratios A/B.
#   bash bench/pair.sh RUNS "command A" "command B"
set -euo pipefail
runs="$1"
a="$2"
b="$3"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for ((run = 0; run < runs; run++)); do
  for side in A B; do
    command="$a"
    [[ "$side" == B ]] && command="$b"
    # %e wall seconds, %U + %S CPU seconds, %M peak RSS in KiB.
    /usr/bin/time -f "$side %e %U %S %M" -a -o "$out" bash -c "$command" >/dev/null 2>&1 || true
  done
done
awk -v a="$a" -v b="$b" '
  function median(list, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && list[j - 1] > list[j]; j--) { t = list[j]; list[j] = list[j - 1]; list[j - 1] = t }
    return n % 2 ? list[(n + 1) / 2] : (list[n / 2] + list[n / 2 + 1]) / 2
  }
  $1 == "A" || $1 == "B" { n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4; if ($5 > peak[$1]) peak[$1] = $5 }
  END {
    for (s = 0; s < 2; s++) {
      side = s ? "B" : "A"
      for (i = 1; i <= n[side]; i++) { w[i] = wall[side, i]; c[i] = cpu[side, i] }
      mw[side] = median(w, n[side]); mc[side] = median(c, n[side])
      printf "%s: wall %.3f s  cpu %.3f s  peak %.1f MiB  (%d runs)  %s\n", side, mw[side], mc[side], peak[side] / 1024, n[side], side == "A" ? a : b
    }
    printf "A/B: wall %.2fx  cpu %.2fx\n", mw["A"] / (mw["B"] > 0 ? mw["B"] : 1e-9), mc["A"] / (mc["B"] > 0 ? mc["B"] : 1e-9)
  }' "$out"
