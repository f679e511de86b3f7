# syntax=docker/dockerfile:1
# Tideway's production image: built with dev dependencies, run on Node 24 slim
# with production dependencies only, as the unprivileged `node` user.
# apps/api/test/production-build.test.ts performs these steps without Docker
# on every `npm test` (scripts/assemble-runtime.mjs is shared by both).

FROM node:24-bookworm-slim AS build
WORKDIR /src
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json prisma.config.ts ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
COPY packages/contracts/package.json packages/contracts/
COPY scripts scripts
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && node scripts/assemble-runtime.mjs /runtime

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /runtime ./
# --omit=optional also leaves out what production never runs: Prisma's CLI (an
# optional peer of @prisma/client) and the embedded PostgreSQL (DATABASE_URL is set).
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
USER node
EXPOSE 3000
# Ready: the database answers and every migration is applied.
HEALTHCHECK --interval=15s --timeout=6s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/server.js"]
