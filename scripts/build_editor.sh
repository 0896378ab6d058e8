#!/usr/bin/env bash
# Rebuild the CodeMirror 6 bundle of the problem page (only needed to upgrade the editor).
#
#   scripts/build_editor.sh
#
# Installs the exact versions of scripts/editor/package-lock.json into a scratch folder (npm ci),
# bundles scripts/editor/entry.js with esbuild (IIFE, minified) into
# src/barraiser/web/static/vendor/codemirror/editor.bundle.js and copies the licence of every
# bundled package next to it. The app itself never needs node or npm.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/barraiser/web/static/vendor/codemirror"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cp "$root/scripts/editor/package.json" "$root/scripts/editor/package-lock.json" \
   "$root/scripts/editor/entry.js" "$scratch/"
(cd "$scratch" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$out/licenses"
(cd "$scratch" && ./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife \
    --target=es2020 --legal-comments=none --outfile="$out/editor.bundle.js")

# Licences of the packages that end up in the bundle (esbuild itself is a build tool only).
rm -f "$out"/licenses/*
for dir in "$scratch"/node_modules/@codemirror/* "$scratch"/node_modules/@lezer/* \
           "$scratch"/node_modules/codemirror "$scratch"/node_modules/crelt \
           "$scratch"/node_modules/style-mod "$scratch"/node_modules/w3c-keyname \
           "$scratch"/node_modules/@marijn/*; do
  [ -d "$dir" ] || continue
  name="$(node -p "require('$dir/package.json').name")"
  version="$(node -p "require('$dir/package.json').version")"
  licence="$(ls "$dir" | grep -iE '^licen[cs]e' | head -n 1 || true)"
  if [ -n "$licence" ]; then
    cp "$dir/$licence" "$out/licenses/${name//\//__}@$version.txt"
  fi
done
ls -l "$out/editor.bundle.js"
