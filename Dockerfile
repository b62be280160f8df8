# syntax=docker/dockerfile:1
# Multi-stage: build the TypeScript with dev dependencies, run with production ones only.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts skipped: "prepare" would build before the sources are copied.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build-cli.js ./scripts/
COPY src ./src
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json \
    LOG_LEVEL=info \
    DATA_DIR=/data
COPY package.json package-lock.json ./
# --ignore-scripts: "prepare" runs the TypeScript build, which needs dev dependencies.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
COPY assets ./assets
# Without DATABASE_URL the queue and the store live here (embedded PGlite): keep it on a volume.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "lib/app/main.js"]
