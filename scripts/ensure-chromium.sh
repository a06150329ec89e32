#!/usr/bin/env bash
# Finds a Chromium/Chrome for the end-to-end tests and prints its path on stdout.
# Order: $CHROME_PATH, /usr/bin/chromium, then chromium, chromium-browser, google-chrome,
# google-chrome-stable on PATH. If none is found and we are root on Debian/Ubuntu, installs
# Debian's chromium with apt-get; otherwise exits non-zero saying what to install.
# Never downloads a browser build of its own (there is no network beyond the package registries).
set -euo pipefail

log() { echo "ensure-chromium: $*" >&2; }

find_browser() {
  if [[ -n "${CHROME_PATH:-}" ]]; then
    if [[ -x "$CHROME_PATH" ]]; then
      echo "$CHROME_PATH"
      return 0
    fi
    log "CHROME_PATH is set to '$CHROME_PATH' but that is not an executable file."
    return 2
  fi
  if [[ -x /usr/bin/chromium ]]; then
    echo /usr/bin/chromium
    return 0
  fi
  local name found
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if found="$(command -v "$name" 2>/dev/null)" && [[ -n "$found" ]]; then
      echo "$found"
      return 0
    fi
  done
  return 1
}

status=0
path="$(find_browser)" || status=$?
if [[ $status -eq 2 ]]; then
  log "fix CHROME_PATH or unset it to let this script search for / install Chromium."
  exit 1
fi

if [[ $status -ne 0 ]]; then
  if [[ "${EUID:-$(id -u)}" -eq 0 ]] && command -v apt-get >/dev/null 2>&1 \
    && [[ -f /etc/debian_version ]]; then
    log "no Chromium found; installing Debian's chromium with apt-get (root, Debian/Ubuntu)."
    # Wait for another apt/dpkg run (if any) instead of failing on its lock.
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update >&2
    apt-get -o DPkg::Lock::Timeout=600 install -y chromium >&2
    path="$(find_browser)" || {
      log "apt-get installed chromium but no browser binary was found afterwards."
      exit 1
    }
  else
    log "no Chromium/Chrome found, and cannot install one automatically"
    log "(automatic install needs root on Debian/Ubuntu with apt-get)."
    log "Install Debian's chromium: sudo apt-get install chromium"
    log "(Ubuntu: chromium-browser), or set CHROME_PATH=/path/to/chrome."
    exit 1
  fi
fi

version="$("$path" --version 2>/dev/null | head -n 1 || true)"
log "using ${path}${version:+ ($version)}"
echo "$path"
