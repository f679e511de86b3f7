#!/usr/bin/env bash
# Prints the SQL that takes a database from the schema in git revision $1
# (default: empty) to prisma/schema.prisma, the way `prisma migrate diff`
# writes it. Prisma 7's CLI needs a schema-engine binary it cannot download
# here; Prisma 6.19's JavaScript engine can diff offline (see
# docs/decisions/001-boot-time-migrations.md), so this installs it into a
# scratch folder, outside the project, and needs a running PostgreSQL in
# $SCRATCH_DATABASE_URL (any empty database; it is only connected to).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${PRISMA6_DIR:-/tmp/tideway-prisma6}
: "${SCRATCH_DATABASE_URL:?set SCRATCH_DATABASE_URL to an empty PostgreSQL database}"
if [ ! -d "$scratch/node_modules/prisma" ]; then
  mkdir -p "$scratch"
  (cd "$scratch" && npm init -y >/dev/null && npm i --ignore-scripts prisma@6.19.3 @prisma/client@6.19.3 @prisma/adapter-pg@7.10.1 pg >/dev/null)
fi
to_prisma6() {
  sed -e 's/provider *= "prisma-client"/provider = "prisma-client-js"/' \
      -e '/^ *output /d;/moduleFormat/d;/importFileExtension/d;/generatedFileExtension/d' \
      -e 's/^\(  provider = "postgresql"\)$/\1\n  url = env("DATABASE_URL")/'
}
to_prisma6 < "$root/prisma/schema.prisma" > "$scratch/to.prisma"
from_args=(--from-empty)
if [ -n "${1:-}" ]; then
  git -C "$root" show "$1:prisma/schema.prisma" | to_prisma6 > "$scratch/from.prisma"
  from_args=(--from-schema-datamodel "$scratch/from.prisma")
fi
cat > "$scratch/prisma.config.ts" <<CONFIG
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.SCRATCH_DATABASE_URL }),
});
CONFIG
touch "$scratch/no-engine"
cd "$scratch"
DATABASE_URL=$SCRATCH_DATABASE_URL PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 \
  PRISMA_QUERY_ENGINE_LIBRARY="$scratch/no-engine" PRISMA_SCHEMA_ENGINE_BINARY="$(command -v node)" \
  npx prisma migrate diff "${from_args[@]}" --to-schema-datamodel to.prisma --script
