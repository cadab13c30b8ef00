# Summarizes a Stryker mutation-testing-report-schema JSON: the score over all files, then one row per file.
# Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker computes it.
# A mutant marked equivalent in the source (`// Stryker disable once <Mutator> : <reason>`) is "Ignored" with the
# reason as its statusReason; Stryker also ignores, with a reason of its own, mutants inside a block whose removal is
# already a mutant. Both kinds are listed apart, the marked ones with their reasons.
def stryker_filter: "Removed by block already covered filter";
def marked: .status == "Ignored" and .statusReason != stryker_filter;
def counts: reduce .[] as $m ({killed: 0, timeout: 0, survived: 0, nocov: 0, marked: 0, filtered: 0, other: 0};
  if $m.status == "Killed" then .killed += 1
  elif $m.status == "Timeout" then .timeout += 1
  elif $m.status == "Survived" then .survived += 1
  elif $m.status == "NoCoverage" then .nocov += 1
  elif ($m | marked) then .marked += 1
  elif $m.status == "Ignored" then .filtered += 1
  else .other += 1 end);
def score: if (.killed + .timeout + .survived + .nocov) == 0 then "n/a"
  else ((.killed + .timeout) * 1000 / (.killed + .timeout + .survived + .nocov) | floor / 10 | tostring) + "%" end;
([.files[].mutants[]] | counts) as $all
| "Score: **\($all | score)** — \($all.killed) killed, \($all.timeout) timed out, \($all.survived) survived, \($all.nocov) not covered; \($all.marked) marked equivalent in the source (listed below), \($all.filtered) skipped by Stryker inside a block whose removal is a mutant, \($all.other) not compiled.",
  "",
  "| File | Score | Killed | Timeout | Survived | No coverage |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  (.files | to_entries | sort_by(.key)[] | (.value.mutants | counts) as $c
   | select(($c.killed + $c.timeout + $c.survived + $c.nocov) > 0)
   | "| \(.key | sub(".*/src/"; "src/")) | \($c | score) | \($c.killed) | \($c.timeout) | \($c.survived) | \($c.nocov) |"),
  "",
  "Surviving mutants (file:line, mutator, replacement):",
  "",
  (.files | to_entries | sort_by(.key)[] | .key as $f | .value.mutants[]
   | select(.status == "Survived" or .status == "NoCoverage")
   | "- \($f | sub(".*/src/"; "src/")):\(.location.start.line) \(.status) \(.mutatorName): `\(.replacement // "" | gsub("\n"; " ") | .[0:100])`"),
  "",
  "Marked equivalent in the source (file:line, mutator: the reason written above the statement):",
  "",
  (.files | to_entries | sort_by(.key)[] | .key as $f | .value.mutants | sort_by(.location.start.line)[]
   | select(marked)
   | "- \($f | sub(".*/src/"; "src/")):\(.location.start.line) \(.mutatorName): \(.statusReason | gsub("\n"; " "))")
