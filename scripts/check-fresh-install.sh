#!/usr/bin/env bash
# What a newcomer's first command (README: npm install && npm run preview) does, on a machine
# without -dev packages:
#   npm install   with a pkg-config on PATH that always fails (so any native build that needs a
#                 system library fails, as it would there), then
#   npm run preview, and the printed URL must answer with the task pane's preview page.
# Prints the package count and install time. Run by .ci/run on its fresh clone before the tests, so
# a dependency that compiles or downloads at install cannot come back unnoticed.
set -euo pipefail
cd "$(dirname "$0")/.."

fake_bin=$(mktemp -d)
log=$(mktemp)
preview_pid=
cleanup() {
  # The preview runs in its own process group (setsid): npm, tsx and node end together.
  [ -n "$preview_pid" ] && kill -- "-$preview_pid" 2>/dev/null || true
  rm -rf "$fake_bin" "$log"
}
trap cleanup EXIT

cat > "$fake_bin/pkg-config" <<'SH'
#!/bin/sh
echo "pkg-config: no -dev packages on this machine" >&2
exit 1
SH
chmod +x "$fake_bin/pkg-config"

started=$(date +%s)
PATH="$fake_bin:$PATH" npm install --no-audit --no-fund
seconds=$(( $(date +%s) - started ))
packages=$(node -e 'console.log(Object.keys(require("./node_modules/.package-lock.json").packages).length)')
echo "fresh-install: npm install installed ${packages} packages in ${seconds} s with a failing pkg-config"

port=${FRESH_INSTALL_PORT:-3199}
PORT=$port PATH="$fake_bin:$PATH" setsid npm run preview >"$log" 2>&1 &
preview_pid=$!
url=
for _ in $(seq 1 120); do
  url=$(grep -o 'http://localhost:[0-9]*/preview.html' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$preview_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$url" ]; then
  echo "fresh-install: npm run preview printed no URL" >&2
  cat "$log" >&2
  exit 1
fi
page=$(node -e 'fetch(process.argv[1]).then(async (r) => { if (!r.ok) process.exit(2); process.stdout.write(await r.text()); }).catch(() => process.exit(3))' "$url")
if ! grep -q 'lang="zh-CN"' <<<"$page"; then
  echo "fresh-install: $url did not answer with the preview page" >&2
  exit 1
fi
echo "fresh-install: npm run preview answers at $url"
