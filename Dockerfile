# One image for every role; docker-compose.yml picks the role with `command`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NX_DAEMON=false
COPY package.json package-lock.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
COPY tests/package.json ./tests/package.json
COPY bench/package.json ./bench/package.json
# Plain ES modules per app (scripts/bundle.mjs): no TypeScript loader thread in production.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm cache clean --force \
  && node scripts/bundle.mjs
USER node
ENV HOST=0.0.0.0 PORT=3000 REDIS_AUTOSTART=false
# A role process holds about 30 MB of live heap; V8 left to itself lets garbage grow to 120 MB
# before a full collection. These bounds keep each role under 150 MB resident at full load
# (bench: scaling), at no measurable cost in throughput. The one-process CMD below allows more.
ENV NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=8"
EXPOSE 3000
CMD ["node", "--max-old-space-size=384", "apps/cli/dist/main.mjs", "start"]
