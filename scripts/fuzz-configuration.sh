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
dotnet test tests/LrSchedules.Extensions.Tests -c Release --filter "FullyQualifiedName~ConfigurationFuzzTests" \
  --logger "console;verbosity=detailed" | grep -E "configuration fuzzer:|Passed!|Failed!|Error Message|case [0-9]+" || true
dotnet test tests/LrSchedules.Cli.Tests -c Release --filter "FullyQualifiedName~FuzzTests" | grep -E "Passed!|Failed!|Error Message|case [0-9]+" || true
echo "fuzz-configuration: $LRSCHEDULES_FUZZ_CASES library cases and $LRSCHEDULES_FUZZ_CLI_CASES lrs cases in $(( $(date +%s) - start )) s"
