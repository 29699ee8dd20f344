#!/usr/bin/env bash
# npm run test:container: build the image with podman and smoke-test it.
# Without a Docker Hub connection (CI), the image is built FROM a local
# stand-in for node:24-slim made from Debian packages (build-standin-base.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v podman >/dev/null || { echo "podman is needed (apt-get install podman runc uidmap mmdebstrap)"; exit 1; }
export CONTAINERS_CONF="${CONTAINERS_CONF:-$PWD/scripts/container/containers.conf}"
if [ -z "${CONTAINER_BASE_IMAGE:-}" ]; then
  pinned="$(sed -n 's/^ARG NODE_IMAGE=//p' Dockerfile)"
  if timeout 30 podman pull --quiet "$pinned" >/dev/null 2>&1; then
    echo "base image: $pinned"
  else
    echo "base image $pinned cannot be pulled here; building a local stand-in"
    bash scripts/container/build-standin-base.sh localhost/node-standin:24-slim
    export CONTAINER_BASE_IMAGE=localhost/node-standin:24-slim
  fi
fi
node --conditions=react-server --import tsx scripts/container/smoke-test.ts
