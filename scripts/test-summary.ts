/**
 * Prints one closing line for the whole suite, "Tests: N passed, N failed",
 * from the JSON reports the unit and site tiers write to test-results/.
 */
import { existsSync, readFileSync } from "node:fs";

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const tier of ["unit", "site"]) {
  const file = `test-results/${tier}.json`;
  if (!existsSync(file)) {
    console.error(`missing ${file}: the ${tier} tier did not run`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
