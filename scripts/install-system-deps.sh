#!/usr/bin/env bash
# Installs the Debian packages the tests need, and only those that are missing:
#   chromium         headless browser for test/e2e (playwright-core drives /usr/bin/chromium)
#   fonts-noto-cjk   Chinese glyphs in screenshots
#   libreoffice-calc independent recalculation of generated workbooks (test/recalc)
#   libreoffice-writer prints the 公文 .docx documents to PDF (test/render/documents.render.test.ts)
#   poppler-utils    pdftoppm, to look at exported reports
#   gnumeric         a second, independent recalculation engine (ssconvert --recalc) for test/recalc
# Idempotent and fast when everything is present (no apt-get update then). Runs apt-get through
# sudo when not root. SKIP_SYSTEM_DEPS=1 skips it (e.g. on a Mac with CHROMIUM_PATH set).
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk libreoffice-calc libreoffice-writer gnumeric poppler-utils)

if [ "${SKIP_SYSTEM_DEPS:-}" = "1" ]; then
  echo "install-system-deps: SKIP_SYSTEM_DEPS=1, not checking ${PACKAGES[*]}"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: apt-get/dpkg not found. This script supports Debian/Ubuntu only." >&2
  echo "Install these yourself: ${PACKAGES[*]} (set CHROMIUM_PATH if chromium is elsewhere than /usr/bin/chromium)," >&2
  echo "then run with SKIP_SYSTEM_DEPS=1." >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all present (${PACKAGES[*]})"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-system-deps: missing ${missing[*]}; installing needs root or sudo, and neither is available." >&2
    echo "  Ask an administrator for: apt-get install ${missing[*]}" >&2
    echo "  then run: SKIP_SYSTEM_DEPS=1 npm test   (CHROMIUM_PATH=... if chromium is not /usr/bin/chromium)" >&2
    echo "  Without them, the parts that need none still run: npm run typecheck && npm run lint && npm run test:unit" >&2
    exit 1
  fi
fi

echo "install-system-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
