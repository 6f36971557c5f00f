# syntax=docker/dockerfile:1
# MeetNow container: build stage compiles TypeScript, the final stage holds production dependencies only
# and runs as the unprivileged `node` user. See docs/deploy.md.

# Node 24 LTS, the Node every npm script runs (package.json: the `node` devDependency); engines: >= 22.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: full install (dev dependencies included); `npm ci` runs `prepare`, which compiles dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` would compile before src/ is copied: skip scripts here and build once the source is in. This also
# skips the `node` devDependency's download of a second Node 24: the image's own runs the compiler.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies only, no compiler, no tests, non-root ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would need the TypeScript compiler, which is a dev dependency; the only
# install script among the production dependencies is dtrace-provider's optional native build.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY cards ./cards
USER node
# 3978: Bot Framework messages (/api/messages), /healthz, /readyz. 9464: Prometheus /metrics, on loopback
# unless METRICS_HOST=0.0.0.0 is set (needed for a scraper outside the container; never publish it publicly).
EXPOSE 3978 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM (graceful shutdown); `meetnow doctor` is `node dist/cli.js doctor`.
# The same command as `npm start`, heap cap included (README, Performance: without it V8 lets the heap grow
# to about four times what is live before collecting it; lower it for a container limited below 1.5 GB).
# --max-semi-space-size=32: Node 22+ sizes the young generation from that cap (64 MB semi-spaces for 1 GB);
# 32 MB takes about 20 MB more RSS under load than Node 20's 16 MB and cuts garbage collection from a fifth to a
# seventh of MeetNow's busy time (README, Performance); 64 MB saved little more for another 60 MB.
# https://nodejs.org/api/cli.html#--max-semi-space-sizesize-in-mib
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=32", "dist/index.js"]
