/**
 * Every scenario, one after another, each in its own process so that none inherits another's memory or caches.
 * Arguments are passed on: `npm run bench -- --smoke` runs them all at tiny sizes.
 *
 *   npm run bench [-- --smoke] [-- --runs 3] [-- --establishments 300]
 */
import { spawnSync } from "node:child_process";

const SCENARIOS = ["login", "monday", "coediting", "fanout"];

const failed = SCENARIOS.filter((scenario) => {
  console.log(`\n=== ${scenario} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", `bench/${scenario}.ts`, ...process.argv.slice(2)], { stdio: "inherit" });
  return run.status !== 0;
});
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
