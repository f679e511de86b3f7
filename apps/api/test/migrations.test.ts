import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";
import { applyMigrations, MigrationError, readMigrations } from "../src/db/migrate";
import { createEmptyDatabase, query, type TestDatabase } from "./database";

const migrationsDir = path.join(repoRoot, "prisma/migrations");

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[] };
}

/** schema.prisma parsed by Prisma's own schema engine (WebAssembly, offline). */
function loadDmmf(): Dmmf {
  const wasm = createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as {
    get_dmmf(params: string): string;
  };
  const prismaSchema = readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
}

function expectedColumnType(field: DmmfField): string {
  if (field.isList) return "ARRAY";
  if (field.kind === "enum") return `enum:${field.type}`;
  switch (field.type) {
    case "String":
      return field.nativeType?.[0] === "Uuid" ? "uuid" : "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "DateTime":
      return "timestamp with time zone";
    case "Json":
      return "jsonb";
    case "Bytes":
      return "bytea";
    default:
      throw new Error(`no mapping for ${field.type}`);
  }
}

describe("boot-time migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const first = await applyMigrations(database.url, migrationsDir);
    const files = await readMigrations(migrationsDir);
    expect(first.applied).toEqual(files.map((file) => file.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      database.url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, file] of files.entries()) {
      const sql = readFileSync(path.join(migrationsDir, file.name, "migration.sql"));
      expect(rows[index]?.migration_name).toBe(file.name);
      expect(rows[index]?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(rows[index]?.finished_at).toBeInstanceOf(Date);
    }

    const second = await applyMigrations(database.url, migrationsDir);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((file) => file.name));
  });

  it("refuses to start when an applied migration file was edited", async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), "tideway-migrations-"));
    await cp(migrationsDir, copy, { recursive: true });
    const [first] = await readMigrations(copy);
    if (!first) throw new Error("no migrations");
    await writeFile(path.join(copy, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(applyMigrations(database.url, copy)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(database.url, copy)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration completely", async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), "tideway-migrations-"));
    await cp(migrationsDir, copy, { recursive: true });
    const broken = path.join(copy, "99990101000000_broken");
    await cp(path.join(copy, (await readMigrations(copy))[0]?.name ?? ""), broken, { recursive: true });
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT * FROM nowhere;`,
    );
    await expect(applyMigrations(database.url, copy)).rejects.toThrow(/99990101000000_broken failed/);
    const tables = await query(
      database.url,
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    expect(tables).toHaveLength(0);
    const recorded = await query(
      database.url,
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    expect(recorded).toHaveLength(0);
  });

  it("leaves a database whose tables, columns, keys and enums match schema.prisma", async () => {
    const dmmf = loadDmmf();
    const columns = await query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      database.url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const enumTypes = new Set(dmmf.datamodel.enums.map((e) => e.name));
    const actual = columns.map((c) => ({
      column: `${c.table_name}.${c.column_name}`,
      type: c.data_type === "USER-DEFINED" && enumTypes.has(c.udt_name) ? `enum:${c.udt_name}` : c.data_type,
      nullable: c.is_nullable === "YES",
    }));
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind !== "object")
        .map((field) => ({
          column: `${model.dbName ?? model.name}.${field.dbName ?? field.name}`,
          type: expectedColumnType(field),
          // Prisma creates scalar lists as nullable arrays.
          nullable: !field.isRequired || field.isList,
        })),
    );
    const byColumn = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
    expect(actual.sort(byColumn)).toEqual(expected.sort(byColumn));

    const enumRows = await query<{ typname: string; labels: string[] }>(
      database.url,
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(enumRows.map((row) => [row.typname, row.labels]))).toEqual(
      Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)])),
    );

    const keys = await query<{ table_name: string; kind: string; columns: string[] }>(
      database.url,
      `SELECT t.relname AS table_name, CASE WHEN i.indisprimary THEN 'primary' ELSE 'unique' END AS kind,
              array_agg(a.attname::text ORDER BY k.ordinality) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE (i.indisunique OR i.indisprimary) AND t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.indexrelid, i.indisprimary`,
    );
    const columnName = (model: DmmfModel, field: string) =>
      model.fields.find((f) => f.name === field)?.dbName ?? field;
    const expectedKeys = dmmf.datamodel.models.flatMap((model) => {
      const table = model.dbName ?? model.name;
      const primary =
        model.primaryKey?.fields ??
        model.fields.filter((f) => (f as { isId?: boolean }).isId).map((f) => f.name);
      const singleUniques = model.fields
        .filter((f) => (f as { isUnique?: boolean }).isUnique)
        .map((f) => [f.name]);
      return [
        { table, kind: "primary", columns: primary.map((f) => columnName(model, f)) },
        ...[...model.uniqueFields, ...singleUniques].map((fields) => ({
          table,
          kind: "unique",
          columns: fields.map((f) => columnName(model, f)),
        })),
      ];
    });
    const keyId = (k: { table: string; kind: string; columns: string[] }) =>
      `${k.table}:${k.kind}:${k.columns.join(",")}`;
    expect(keys.map((k) => keyId({ table: k.table_name, kind: k.kind, columns: k.columns })).sort()).toEqual(
      expectedKeys.map(keyId).sort(),
    );
  });
});
