# Storefront processes (stateless: the session is a signed cookie; run as many as needed).
# NOT EXERCISED on the development machines (no Docker daemon there): kept in step with
# scripts/lib/cluster.mjs, which runs the same command with the same variables and is tested.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
COPY . .
RUN npm ci --no-audit --no-fund --loglevel=error && npm run build -w storefront
WORKDIR /app/storefront
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# Required at run time, no defaults: SESSION_SECRET, MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://localhost:3000/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.mjs"]
