# The plangraph app (CLI and explorer) as an image; docker-compose.yml runs it next to Neo4j.
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .

# The explorer listens on all interfaces inside the container; compose publishes it on 127.0.0.1 only.
# node runs the CLI directly (not through npm) so that it receives SIGTERM from docker stop.
EXPOSE 5180
CMD ["node", "bin/plangraph.js", "start", "--host", "0.0.0.0", "--port", "5180"]
