/**
 * Writes the JSON Schemas of the content files into .vscode/schemas/, for the
 * completion and hover documentation VS Code's YAML extension gives on
 * content/*.yaml (.vscode/settings.json points at them). The same schemas the
 * site publishes at /schemas/content/; a unit test fails when these go stale.
 * Run after changing src/schemas/: npm run editor-schemas
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { editorSchemaFiles } from "../src/lib/desk/editor-schemas.ts";

const dir = path.join(process.cwd(), ".vscode/schemas");
mkdirSync(dir, { recursive: true });
for (const [name, text] of editorSchemaFiles()) {
  writeFileSync(path.join(dir, name), text);
  console.log(`wrote .vscode/schemas/${name}`);
}
