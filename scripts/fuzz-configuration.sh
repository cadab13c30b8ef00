#!/usr/bin/env bash
# Configuration fuzzer at scale (issue 15 point 4): the suite runs 2,000 mutated descriptions through reading,
# validation and building, and 300 through `lrs validate` / `lrs table`; this script runs 100,000 and 5,000.
#
#   scripts/fuzz-configuration.sh [cases] [cli-cases]     defaults: 100000 5000
#
# LRSCHEDULES_SEED picks other cases (see CONTRIBUTING.md); a failure names its case, mutation and seed.
set -euo pipefail
cd "$(dirname "$0")/.."
export LRSCHEDULES_FUZZ_CASES=${1:-100000} LRSCHEDULES_FUZZ_CLI_CASES=${2:-5000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$(date +%s)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
fuzz() { # test project, filter: runs it, shows the fuzzer's summary and any failing case, remembers a failure
  local rc=0
  dotnet test "$1" -c Release --filter "FullyQualifiedName~$2" --logger "console;verbosity=detailed" > "$log" 2>&1 || rc=$?
  grep -E "configuration fuzzer:|lrs fuzzer:|Passed!|Failed!|Test Run|Total tests|Error Message|case [0-9]+" "$log" || true
  if [ "$rc" -ne 0 ]; then tail -n 20 "$log"; failed=1; fi
}
fuzz tests/LrSchedules.Extensions.Tests ConfigurationFuzzTests
fuzz tests/LrSchedules.Cli.Tests FuzzTests
echo "fuzz-configuration: $LRSCHEDULES_FUZZ_CASES library cases and $LRSCHEDULES_FUZZ_CLI_CASES lrs cases in $(( $(date +%s) - start )) s, seed ${LRSCHEDULES_SEED:-default}: $([ $failed -eq 0 ] && echo passed || echo FAILED)"
exit $failed
