import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** What the figures were measured on: printed with every result, so that figures are never read without it. */
export function machine() {
  const packageJson = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const declared = { ...packageJson.dependencies, ...packageJson.devDependencies };
  const versionsOf = [
    "next",
    "@trpc/server",
    "drizzle-orm",
    "postgres",
    "@electric-sql/pglite",
    "yjs",
    "y-websocket",
    "@y/websocket-server",
    "ws",
    "ioredis",
    "@node-rs/argon2",
  ];
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    versions: Object.fromEntries(versionsOf.flatMap((name) => (declared[name] ? [[name, declared[name]]] : []))),
  };
}

/** Prints rows as an aligned table: the first row is the header. */
export function printTable(title: string, rows: (string | number)[][]): void {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatNumber(cell) : cell)));
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  console.log(`\n${title}`);
  cells.forEach((row, index) => {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
  });
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return value.toLocaleString("en-US", { maximumFractionDigits: value < 10 ? 2 : 1 });
}

/** A figure measured over several runs, as a table cell: "median [min–max]". */
export function formatSpread(figure: { median: number; min: number; max: number }): string {
  return `${formatNumber(figure.median)} [${formatNumber(figure.min)}–${formatNumber(figure.max)}]`;
}

/**
 * Writes a scenario's figures with the machine and the dataset to bench/results/<scenario>-<time>.json (smoke runs:
 * bench/results/smoke/, not kept in git).
 */
export async function writeResult(scenario: string, result: Record<string, unknown> & { smoke: boolean }): Promise<string> {
  const folder = path.join(process.cwd(), "bench", "results", ...(result.smoke ? ["smoke"] : []));
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${scenario}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify({ scenario, measuredAt: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`);
  console.log(`\nWritten: ${path.relative(process.cwd(), file)}`);
  return file;
}
