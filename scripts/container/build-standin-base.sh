#!/usr/bin/env bash
# Builds a local stand-in for node:24-slim from Debian packages (mmdebstrap)
# plus the Node 24 the project already uses (the npm `node` package's binary and
# headers, and npm), laid out as the official image lays them out. CI machines
# cannot pull from Docker Hub; the real Dockerfile is then built FROM this.
set -euo pipefail
tag="${1:-localhost/node-standin:24-slim}"
if podman image exists "$tag"; then echo "stand-in $tag already built"; exit 0; fi

node_bin="$(command -v node)"
node_root="$(dirname "$(dirname "$(readlink -f "$node_bin")")")"
npm_root="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
[ -f "$npm_root/package.json" ] || npm_root="$(npm root -g)/npm"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mmdebstrap --quiet --variant=minbase --include=ca-certificates,passwd --mode=root \
  bookworm "$work/rootfs.tar" http://deb.debian.org/debian
podman import --quiet "$work/rootfs.tar" localhost/debian-standin:bookworm >/dev/null

mkdir -p "$work/ctx"
cp "$node_root/bin/node" "$work/ctx/node"
cp -r "$node_root/include" "$work/ctx/include"
cp -r "$npm_root" "$work/ctx/npm"
# Trust what this machine trusts (a registry reached through a TLS-inspecting
# egress proxy needs its CA), the way a company base image would.
cp /etc/ssl/certs/ca-certificates.crt "$work/ctx/host-ca.crt"
cat > "$work/ctx/Containerfile" <<'EOS'
FROM localhost/debian-standin:bookworm
COPY node /usr/local/bin/node
COPY include /usr/local/include
COPY npm /usr/local/lib/node_modules/npm
COPY host-ca.crt /etc/ssl/certs/host-ca.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
EOS
podman build --quiet --network host -t "$tag" "$work/ctx" >/dev/null
echo "stand-in $tag built ($(podman run --rm "$tag" node --version))"
