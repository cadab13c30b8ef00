#!/usr/bin/env bash
# Times `lrs table` (issue 14: 10^6 rows in at most 3x the start-up time): hyperfine runs `lrs table --steps 1`
# (start-up) against `--steps 1000000` on a warmup -> cosine whose rate changes at every one of the 10^6 steps (no
# repeated value to reuse), a few rounds, and prints each round's ratio of medians. Needs hyperfine (apt-get install
# hyperfine). The machine may be shared: compare rounds, and the CPU time as well as the wall time.
#   scripts/bench-table.sh [LRS]        LRS: the lrs to time (default: the Release build, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
lrs=${1:-src/LrSchedules.Cli/bin/Release/net10.0/lrs}
if [ ! -x "$lrs" ]; then dotnet build src/LrSchedules.Cli -c Release > /dev/null; fi
command -v hyperfine > /dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/warmup-cosine-1m.json" <<'JSON'
{
  "Type": "WithLinearWarmup",
  "WarmupSteps": 10000,
  "Schedule": { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 990000, "FinalLearningRate": 0.0001 }
}
JSON
for round in 1 2 3; do
  hyperfine -N --warmup 3 --runs 20 --export-json "$tmp/round$round.json" \
    "$lrs table $tmp/warmup-cosine-1m.json --steps 1" \
    "$lrs table $tmp/warmup-cosine-1m.json --steps 1000000" > /dev/null
  python3 - "$tmp/round$round.json" "$round" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, statistics, sys
start, table = json.load(open(sys.argv[1]))["results"]
wall = [statistics.median(r["times"]) * 1000 for r in (start, table)]
cpu = [(r["user"] + r["system"]) * 1000 for r in (start, table)]
print(f"round {sys.argv[2]} (load {sys.argv[3]}): start-up {wall[0]:.0f} ms, 10^6 rows {wall[1]:.0f} ms (medians), "
      f"ratio {wall[1] / wall[0]:.2f}; CPU (user+system, means) {cpu[0]:.0f} ms vs {cpu[1]:.0f} ms, ratio {cpu[1] / cpu[0]:.2f}")
PY
done
