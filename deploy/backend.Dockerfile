# Backend servers and the worker (one image; MEDUSA_WORKER_MODE chooses the role).
# NOT EXERCISED on the development machines (no Docker daemon there): kept in step with
# scripts/lib/cluster.mjs, which runs the same commands with the same variables and is tested.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false
COPY . .
# Installs every workspace and builds the plugins (the root postinstall).
RUN npm ci --no-audit --no-fund --loglevel=error
WORKDIR /app/backend
# Medusa's production start: `medusa build` compiles the backend (and the admin dashboard unless
# ADMIN_DISABLED=true) into .medusa/server, so no TypeScript is compiled at start-up (docs/start-up.md).
# The secrets only let medusa-config load during the build; nothing of them is kept in the output.
RUN JWT_SECRET=build-only COOKIE_SECRET=build-only npx medusa build
WORKDIR /app/backend/.medusa/server
EXPOSE 9000
# Required at run time, no defaults: DATABASE_URL, REDIS_URL, JWT_SECRET, COOKIE_SECRET.
# Optional: MEILISEARCH_HOST/MEILISEARCH_API_KEY, STRIPE_API_KEY/STRIPE_WEBHOOK_SECRET,
# OCOP_SERVER_NAME, OCOP_METRICS_TOKEN, ADMIN_DISABLED, STORE_CORS/ADMIN_CORS/AUTH_CORS.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://localhost:9000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "/app/node_modules/@medusajs/cli/cli.js", "start", "-p", "9000"]
