# syntax=docker/dockerfile:1

# Builder: compiles TypeScript and better-sqlite3's native module, then drops dev dependencies.
FROM node:22-slim AS builder
WORKDIR /app
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime: the same base, so the native module built above loads as is; no compiler here.
FROM node:22-slim
# SEED=false: a production volume starts empty; run with -e SEED=true for the demo article. Set API_KEY to close
# writes (without it anyone who reaches the port can ingest and delete).
# Extraction is left to EXTRACT_ISOLATION's default: alone in the container's CPU cgroup, child processes under
# SCHED_IDLE (chrt is in util-linux, essential in every Debian image); worker threads where that cannot be had.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/whosaid.db \
    SEED=false
WORKDIR /app
COPY --from=builder /app/package.json ./package.json
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/dist ./dist
COPY migrations ./migrations
COPY seeds ./seeds
COPY public ./public
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server.js"]
