#!/usr/bin/env bash
# Mutation testing (issue 15): runs Stryker.NET, pinned in .config/dotnet-tools.json, over a package and its tests and
# writes the reports under docs/mutation/<target>/ with the date, the commit and the command. Not part of .ci/run (it
# takes 30–60 minutes per package on two cores): run it before a release and commit the reports.
#
#   scripts/mutation.sh [core|extensions|all]        default: all
#
# Environment: STRYKER_CONCURRENCY (default 1: the machine is usually shared), NICE (default 19).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${1:-all}
concurrency=${STRYKER_CONCURRENCY:-1}
niceness=${NICE:-19}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

run() { # name, test project directory, project file name under test
  local name=$1 tests=$2 project=$3
  local out="$root/docs/mutation/$name" work
  work=$(mktemp -d)
  local command=(dotnet stryker --project "$project" --concurrency "$concurrency" --reporter Html --reporter Json
                 --reporter Markdown --reporter Progress --output "$work" --skip-version-check)
  echo "== $name: (cd $tests && nice -n $niceness ${command[*]})"
  local started
  started=$(date -u +%Y-%m-%dT%H:%MZ)
  (cd "$tests" && nice -n "$niceness" "${command[@]}")
  mkdir -p "$out"
  cp "$work"/reports/mutation-report.html "$work"/reports/mutation-report.json "$out"/
  cp "$work"/reports/mutation-report.md "$out"/mutation-report.md 2>/dev/null || true
  rm -rf "$work"
  summarize "$name" "$tests" "$project" "$started" "$out"
}

summarize() { # writes docs/mutation/<name>/README.md: when, what, the score and the score of each file
  local name=$1 tests=$2 project=$3 started=$4 out=$5
  {
    echo "# Mutation report: $name"
    echo
    echo "- Started: $started; finished: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tests || echo ' (with uncommitted changes)')"
    echo "- Command: \`scripts/mutation.sh $name\`, i.e. \`cd $tests && dotnet stryker --project $project --concurrency $concurrency\`"
    echo "- Stryker.NET $(jq -r '.tools["dotnet-stryker"].version' .config/dotnet-tools.json)"
    echo
    jq -r -f scripts/mutation-summary.jq "$out/mutation-report.json"
  } > "$out/README.md"
  cat "$out/README.md"
}

case $target in
  core|all) run core tests/LrSchedules.Tests LrSchedules.csproj ;;&
  extensions|all) run extensions tests/LrSchedules.Extensions.Tests LrSchedules.Extensions.csproj ;;
  core) ;;
  *) echo "usage: scripts/mutation.sh [core|extensions|all]" >&2; exit 2 ;;
esac
