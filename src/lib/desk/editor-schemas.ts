import { jsonSchemaOf, SCHEMAS } from "../open-data/json-schema.ts";

/** The address the schemas' $id names: the public site's, as a placeholder no editor resolves. */
const SITE = new URL("https://guarantee-tracker.example/");

/** Each content schema as the file VS Code reads: `<name>.schema.json` → its text. */
export function editorSchemaFiles(): Map<string, string> {
  return new Map(
    SCHEMAS.filter((entry) => entry.group === "content").map((entry) => [
      `${entry.name}.schema.json`,
      `${JSON.stringify(jsonSchemaOf(entry, SITE), null, 2)}\n`,
    ]),
  );
}
