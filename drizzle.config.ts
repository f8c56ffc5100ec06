import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the TypeScript schema and committed. They are append-only:
// never edit or delete a generated file, never let a migration drop a table that holds money.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/ledger/schema.ts',
  out: './migrations',
});
