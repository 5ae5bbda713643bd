// Usage: node scripts/fresh-database.mjs <postgres-url> <name>
// (Re)creates an empty database <name> on the server of <postgres-url> and prints its URL.
import postgres from "postgres";

const [serverUrl, name] = process.argv.slice(2);
if (!serverUrl || !/^[a-z_][a-z0-9_]*$/.test(name ?? "")) {
  console.error("usage: node scripts/fresh-database.mjs <postgres-url> <database_name>");
  process.exit(2);
}
const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
await sql.unsafe(`drop database if exists ${name} with (force)`);
await sql.unsafe(`create database ${name}`);
await sql.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
console.log(url.toString());
