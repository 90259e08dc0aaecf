#!/bin/sh
# Refreshes the JavaScript files vendored from npm packages (the app never loads code from a CDN).
#   sh scripts/vendor-js.sh
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
target=src/vocabsphere/web/static/vendor/swagger-ui
(cd "$tmp" && npm pack --silent swagger-ui-dist@5 >/dev/null && tar xzf swagger-ui-dist-*.tgz)
mkdir -p "$target"
cp "$tmp"/package/swagger-ui-bundle.js "$tmp"/package/swagger-ui.css "$tmp"/package/LICENSE "$tmp"/package/NOTICE "$target"/
sed -i 's|^//# sourceMappingURL=.*||' "$target"/swagger-ui-bundle.js
node -p "require('$tmp/package/package.json').version" > "$target"/VERSION
echo "vendored swagger-ui-dist $(cat "$target"/VERSION)"

# axe-core: accessibility checks for the browser tests only (never served by the app).
target=tests/browser/vendor/axe-core
(cd "$tmp" && rm -rf package && npm pack --silent axe-core@4 >/dev/null && tar xzf axe-core-*.tgz)
mkdir -p "$target"
cp "$tmp"/package/axe.min.js "$tmp"/package/LICENSE "$target"/
node -p "require('$tmp/package/package.json').version" > "$target"/VERSION
echo "vendored axe-core $(cat "$target"/VERSION)"
