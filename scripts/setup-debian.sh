#!/usr/bin/env bash
# Installs the Debian packages the tests need: LibreOffice Calc (headless formula recalculation),
# Chromium (browser tests of the task pane preview), and Python's openpyxl and LibreOffice's Python
# bridge (workbooks as other producers write them: test/fixtures/producers, the bad-input corpus).
# Idempotent: installs only what is missing.
# Run as root or as a user with sudo: npm run setup:debian
set -euo pipefail

say() { printf '[setup-debian] %s\n' "$*"; }

packages=()
if command -v soffice >/dev/null 2>&1; then
  say "LibreOffice present: $(command -v soffice)"
else
  packages+=(libreoffice-calc-nogui)
fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  say "Chromium present: $(command -v chromium || echo /usr/bin/chromium)"
else
  packages+=(chromium)
fi

# Producers of test workbooks: /usr/bin/python3 with openpyxl, and LibreOffice driven through UNO.
if ! /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1; then
  packages+=(python3-openpyxl)
fi
if ! /usr/bin/python3 -c 'import uno' >/dev/null 2>&1; then
  packages+=(python3-uno)
fi

if [ "${#packages[@]}" -eq 0 ]; then
  say "nothing to install"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  say "apt-get not found: install ${packages[*]} with your system's package manager" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    say "not root and no sudo: run this script as root" >&2
    exit 1
  fi
fi


export DEBIAN_FRONTEND=noninteractive
say "apt-get update"
"${SUDO[@]}" apt-get update -qq
say "installing: ${packages[*]}"
# With the recommended packages (fonts among them): the install the toolchain notes verified.
"${SUDO[@]}" apt-get install -y -qq "${packages[@]}"

say "LibreOffice: $(soffice --version 2>/dev/null | head -n1 || echo 'NOT WORKING')"
say "Chromium: $( (chromium --version || /usr/bin/chromium --version) 2>/dev/null | head -n1 || echo 'NOT WORKING')"
command -v soffice >/dev/null 2>&1 || { say "soffice still missing" >&2; exit 1; }
say "done"
