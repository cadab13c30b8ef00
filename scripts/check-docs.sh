#!/usr/bin/env bash
# Checks a site built by scripts/build-docs.sh: every local href/src in every HTML page resolves to a file, and the home
# page, an API page and the gallery render in headless Chromium (Debian's chromium package, installed with apt-get when
# missing) served over http://127.0.0.1, with the text each must show in the DOM after its scripts ran.
#   scripts/check-docs.sh [SITE]        (default artifacts/docs/site)
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(realpath "${1:-artifacts/docs/site}")
test -f "$site/index.html" || { echo "no site at $site: run scripts/build-docs.sh"; exit 1; }

echo "-- local links in $(find "$site" -name '*.html' | wc -l) pages"
python3 - "$site" <<'PY'
import html.parser, os, sys, urllib.parse
site = sys.argv[1]
class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
broken, checked = [], 0
for folder, _, files in os.walk(site):
    for file in files:
        if not file.endswith(".html"):
            continue
        page = os.path.join(folder, file)
        parser = Links()
        parser.feed(open(page, encoding="utf-8").read())
        for link in parser.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "javascript:", "data:")):
                continue
            path = urllib.parse.unquote(parts.path)
            if not path:
                continue
            target = os.path.normpath(os.path.join(site if path.startswith("/") else folder, path.lstrip("/")))
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            checked += 1
            if not os.path.isfile(target):
                broken.append(f"{os.path.relpath(page, site)}: {link}")
if broken:
    print(f"{len(broken)} broken local links:")
    print("\n".join(sorted(set(broken))[:50]))
    sys.exit(1)
print(f"{checked} local links, none broken")
PY

if ! command -v chromium > /dev/null; then
  echo "-- apt-get install chromium"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq chromium) > /tmp/check-docs-apt.log 2>&1 || { tail -20 /tmp/check-docs-apt.log; exit 1; }
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" > /dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill "$server" 2> /dev/null || true; rm -rf "$profile"' EXIT
for _ in $(seq 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html')" 2> /dev/null; then break; fi
  sleep 0.1
done

# render PAGE TEXT...: the DOM of PAGE after its scripts ran contains every TEXT.
render() {
  local page=$1
  shift
  local dom
  dom=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --virtual-time-budget=10000 --dump-dom "http://127.0.0.1:$port/$page" 2> /dev/null)
  for text in "$@"; do
    if ! grep -qF -- "$text" <<< "$dom"; then
      echo "$page: rendered DOM lacks '$text' (${#dom} characters)"
      return 1
    fi
  done
  echo "$page renders (${#dom} characters): ${*}"
}
echo "-- headless Chromium"
# The navigation bar is drawn by the template's scripts from toc.json: its links prove the scripts ran.
render index.html "Learning-rate and batch-size schedules for .NET" "Batch size is part of the schedule" \
  "/api/LrSchedules.html\">" "/gallery.html\">"
render api/LrSchedules.Schedule.html "Class Schedule" "Cosine(" "ScheduleArgumentException"
render gallery.html "Gallery" 'src="gallery/Cosine.svg"' 'src="gallery/IncreaseBatchSizeInsteadOfDecay.svg"'
