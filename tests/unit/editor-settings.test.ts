import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import yaml from "js-yaml";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editorSchemaFiles } from "../../src/lib/desk/editor-schemas.ts";

/** What VS Code reads for completion and hover help on content/: the settings, and that what they name exists. */

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const settings = JSON.parse(read(".vscode/settings.json")) as {
  "astro.content-intellisense"?: boolean;
  "yaml.schemas": Record<string, string[]>;
};

describe("the editor settings", () => {
  it("point every content YAML file at a schema file that exists", () => {
    const mapped = Object.entries(settings["yaml.schemas"]);
    expect(
      mapped
        .map(([, files]) => files)
        .flat()
        .sort(),
    ).toEqual(["content/actors.yaml", "content/kinds.yaml", "content/places.yaml", "content/proposals.yaml"]);
    for (const [schema, files] of mapped) {
      expect(existsSync(path.join(ROOT, schema)), schema).toBe(true);
      for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    }
  });

  it("hold the schemas the code generates today (npm run editor-schemas writes them)", () => {
    for (const [name, text] of editorSchemaFiles()) expect(read(`.vscode/schemas/${name}`), name).toBe(text);
  });

  it("describe the real content: each YAML file validates against its schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const [schema, files] of Object.entries(settings["yaml.schemas"])) {
      const validate = ajv.compile(JSON.parse(read(schema)) as object);
      for (const file of files) {
        const ok = validate(yaml.load(read(file)));
        expect(ok, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      }
    }
  });

  it("turn on front-matter completion for articles, and recommend the extensions that give it", () => {
    expect(settings["astro.content-intellisense"]).toBe(true);
    expect(read("astro.config.mjs")).toMatch(/experimental:\s*\{\s*contentIntellisense:\s*true/);
    const { recommendations } = JSON.parse(read(".vscode/extensions.json")) as { recommendations: string[] };
    expect(recommendations).toEqual(expect.arrayContaining(["astro-build.astro-vscode", "redhat.vscode-yaml"]));
  });
});

describe("the deployment workflow", () => {
  const workflow = yaml.load(read(".github/workflows/deploy.yml")) as {
    jobs: Record<string, { steps: { uses?: string; run?: string; id?: string; env?: Record<string, string> }[] }>;
  };
  const steps = workflow.jobs.build?.steps ?? [];
  const at = (test: (s: (typeof steps)[number]) => boolean) => steps.findIndex(test);

  it("runs the README's test command before it builds what it publishes", () => {
    const tests = at((s) => s.run === "npm install && npm test");
    const build = at((s) => s.run === "npm run build");
    const upload = at((s) => (s.uses ?? "").startsWith("actions/upload-pages-artifact"));
    expect(tests).toBeGreaterThan(-1);
    expect(build).toBeGreaterThan(tests);
    expect(upload).toBeGreaterThan(build);
  });

  it("takes the site's address and base path from the repository's Pages settings", () => {
    const pages = steps.find((s) => (s.uses ?? "").startsWith("actions/configure-pages"));
    const build = steps.find((s) => s.run === "npm run build");
    expect(pages?.id).toBe("pages");
    expect(build?.env?.GT_SITE).toBe("${{ steps.pages.outputs.base_url }}/");
  });
});
