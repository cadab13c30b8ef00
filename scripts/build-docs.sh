#!/usr/bin/env bash
# Builds the documentation site into artifacts/docs/site (or $1/site): the API reference from the XML docs, the README
# as the home page, docs/porting.md, docs/experiments.md, and a gallery with one chart per schedule type drawn by
# `lrs plot` from samples/configs/gallery/ during this build, so no picture can go stale. Fails when a type listed by
# `lrs list` has no gallery config, or when lrs cannot draw one. DocFX comes from .config/dotnet-tools.json.
#   scripts/build-docs.sh [OUT]        then open OUT/site/index.html, or check it with scripts/check-docs.sh OUT/site
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

out=$(realpath -m "${1:-artifacts/docs}")
stage=$out/src
site=$out/site
repo_url=https://github.com/lrschedules/LrSchedules
rm -rf "$stage" "$site"
mkdir -p "$stage/bin" "$stage/gallery"

echo "-- dotnet tool restore (docfx)"
dotnet tool restore > /dev/null

echo "-- dotnet build src/LrSchedules.Cli (Release): lrs, and the libraries with their XML docs"
if ! dotnet build src/LrSchedules.Cli -c Release > "$out/build.log" 2>&1; then
  cat "$out/build.log"
  exit 1
fi
bin=src/LrSchedules.Cli/bin/Release/net10.0
cp "$bin"/*.dll "$bin"/*.xml "$stage/bin/"
lrs() { dotnet "$root/$bin/lrs.dll" "$@"; }

echo "-- pages: README (home), porting guide, experiments"
cp docs/site/docfx.json docs/site/toc.yml "$stage/"
cp docs/porting.md docs/experiments.md "$stage/"
cp -r docs/images "$stage/images"
cp -r docs/experiments "$stage/experiments"
# The README's links are relative to the repository: docs/ pages are on the site, everything else is on GitHub.
python3 - "$root/README.md" "$stage/index.md" "$repo_url" <<'PY'
import re, sys
source, target, repo = sys.argv[1:4]
text = open(source, encoding="utf-8").read()
def rewrite(match):
    bang, label, link = match.group(1), match.group(2), match.group(3)
    if re.match(r"^(https?:|#|mailto:)", link):
        return match.group(0)
    if link.startswith("docs/") and (link.endswith(".md") or link.startswith("docs/images/")) and link != "docs/benchmarks/README.md":
        link = link[len("docs/"):]
    else:
        link = f"{repo}/{'raw' if bang else 'blob'}/main/{link}"
    return f"{bang}[{label}]({link})"
text = re.sub(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)", rewrite, text)
open(target, "w", encoding="utf-8").write(text)
PY

echo "-- gallery: lrs plot for every type lrs list names"
lrs list > "$out/types.txt"
{
  echo "# Gallery"
  echo
  echo "One chart per schedule type, drawn by \`lrs plot\` from [samples/configs/gallery]($repo_url/tree/main/samples/configs/gallery)"
  echo "when this site was built. A plan's batch size is dashed, on the right axis. Draw your own with"
  echo "\`lrs plot FILE.json --out FILE.svg\`, or see it in the terminal with \`lrs show FILE.json\`."
} > "$stage/gallery.md"
missing=0
count=0
while IFS= read -r line; do
  if [[ $line =~ ^==\ (.*)\ types$ ]]; then
    printf '\n## %s types\n' "${BASH_REMATCH[1]^}" >> "$stage/gallery.md"
  elif [[ $line =~ ^([A-Za-z0-9_.]+)\ —\ (.*)$ ]]; then
    name=${BASH_REMATCH[1]}
    summary=${BASH_REMATCH[2]}
    config=samples/configs/gallery/$name.json
    if [ ! -f "$config" ]; then
      echo "no gallery config for $name: add $config"
      missing=1
      continue
    fi
    if ! lrs plot "$config" --out "$stage/gallery/$name.svg" --width 720 --height 360 > /dev/null 2> "$out/plot.err"; then
      cat "$out/plot.err"; echo "lrs plot $config failed"; exit 1
    fi
    if grep -q "still changes" "$out/plot.err"; then
      # A schedule that never settles (a wave, an inverse decay): 1,000 steps show its shape.
      lrs plot "$config" --steps 1000 --out "$stage/gallery/$name.svg" --width 720 --height 360 > /dev/null
    fi
    count=$((count + 1))
    {
      printf '\n### %s\n\n%s\n\n' "$name" "$summary"
      printf '![%s, drawn by lrs plot](gallery/%s.svg)\n\n' "$name" "$name"
      printf '[%s](%s/blob/main/%s)\n' "$name.json" "$repo_url" "$config"
    } >> "$stage/gallery.md"
  fi
done < "$out/types.txt"
if [ "$missing" -ne 0 ]; then exit 1; fi
echo "gallery: $count charts"

echo "-- docfx metadata + build"
# Run from the repository, where .config/dotnet-tools.json is; docfx reads paths relative to its docfx.json.
if ! dotnet tool run docfx "$stage/docfx.json" > "$out/docfx.log" 2>&1; then
  cat "$out/docfx.log"
  exit 1
fi
grep -E "Build succeeded|warning\(s\)|error\(s\)" "$out/docfx.log" | tail -3 || true
mv "$stage/_site" "$site"
echo "site: $site/index.html"
