# Shared by scripts/start and scripts/test: installs what is missing, and nothing else.
# Sourced, not run.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian/Ubuntu packages, installed only when one of them is missing.
ensure_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_toolchain() {
  if ! command -v cargo >/dev/null; then
    echo "Rust is not installed. Install it with rustup (see rustup.rs), then run this again." >&2
    exit 1
  fi
  if ! command -v npm >/dev/null; then
    ensure_apt nodejs npm
  fi
}

# Packages to build the app (WebKitGTK) and the JS toolchain's needs.
BUILD_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev)
# Programs the app runs to read certificates: poppler reads a PDF's text and renders scans,
# tesseract (with its English model) reads scans and photos. Both stay on the machine.
RUNTIME_PACKAGES=(poppler-utils tesseract-ocr tesseract-ocr-eng)

ensure_ui() {
  cd "$ROOT/ui"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing UI dependencies (npm ci)"
    npm ci --no-audit --no-fund
  fi
  say "Building the UI"
  npm run --silent build
  cd "$ROOT"
}
