# One image for every role; docker-compose.yml picks the role with `command`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NX_DAEMON=false
COPY package.json package-lock.json ./
COPY apps ./apps
COPY libs ./libs
COPY tests/package.json ./tests/package.json
COPY bench/package.json ./bench/package.json
RUN npm ci --no-audit --no-fund --ignore-scripts && npm cache clean --force
USER node
ENV HOST=0.0.0.0 PORT=3000 REDIS_AUTOSTART=false
EXPOSE 3000
CMD ["node", "apps/cli/bin/bulletin.mjs", "start"]
