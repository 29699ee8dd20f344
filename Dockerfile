# syntax=docker/dockerfile:1
# The playground in one image: Next's standalone server, run as a non-root
# user, everything it writes under the /data volume (the root filesystem can be
# read-only). Build: docker build -t llm-playground .  (WITH_FFMPEG=false leaves
# ffmpeg/ffprobe out: about 140 MB smaller, and video uploads are refused).
#
# node:24-slim pinned by digest (the multi-arch index). Refresh deliberately:
#   docker buildx imagetools inspect node:24-slim
ARG NODE_IMAGE=node:24-slim@sha256:a9f5f7c91a432850b2a8a7797adf5eadb6c733ceed61167806cee7ea7fbc29df

FROM ${NODE_IMAGE} AS deps
# npm runs better-sqlite3's node-gyp step even though the package ships a
# prebuilt binary (the step then only checks for it): it needs python3, make
# and Node's headers, which the node image has in /usr/local/include/node.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# Left out of the image: sharp (serves next/image, which the app does not use)
# and other platforms' binaries.
RUN NEXT_OUTPUT=standalone npx next build \
 && cd .next/standalone/node_modules \
 && rm -rf sharp @img @libsql/linux-x64-musl better-sqlite3/prebuilds/darwin-* better-sqlite3/prebuilds/win32-* better-sqlite3/prebuilds/linuxmusl-*
# Declared after the build so both variants share it.
ARG WITH_FFMPEG=true
RUN if [ "$WITH_FFMPEG" != "true" ]; then rm -rf .next/standalone/node_modules/@ffmpeg-installer .next/standalone/node_modules/@ffprobe-installer; fi

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOSTNAME is what Next's standalone server binds to.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    AUTH_MODE=password \
    SHUTDOWN_GRACE_S=25
RUN groupadd --system --gid 10001 playground \
 && useradd --system --uid 10001 --gid playground --no-create-home --home-dir /data --shell /usr/sbin/nologin playground \
 && mkdir -p /data && chown playground:playground /data
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
USER playground
VOLUME ["/data"]
EXPOSE 3000
# slim has no curl: Node's own fetch asks /api/health (503 while draining on SIGTERM).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# HOST (the address to listen on) becomes the HOSTNAME Next's server binds to; exec keeps node as the process that gets SIGTERM.
CMD ["sh", "-c", "HOSTNAME=\"${HOST:-0.0.0.0}\" exec node server.js"]
