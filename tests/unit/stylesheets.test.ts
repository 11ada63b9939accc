import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/** Every file under src/ whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => extensions.some((ext) => f.endsWith(ext)))
    .map((f) => path.join(dir, f));
}

/** A component's <style> blocks, as the stylesheets they become. */
const styleBlocks = (source: string) => [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? "");

const sheets = [
  ...filesUnder(SRC, [".css"]).map((file) => ({ file, css: readFileSync(file, "utf8") })),
  ...filesUnder(SRC, [".astro"]).flatMap((file) =>
    styleBlocks(readFileSync(file, "utf8")).map((css) => ({ file, css })),
  ),
];

describe("stylesheets", () => {
  it("the cascade-layer order is declared once, in tokens.css", () => {
    const declarations = sheets.filter(({ css }) => /@layer\s+[\w-]+\s*,/.test(css));
    expect(declarations.map(({ file }) => path.relative(SRC, file))).toEqual(["styles/tokens.css"]);
  });

  it("no stylesheet is over 500 lines", () => {
    const long = sheets.filter(({ css }) => css.split("\n").length > 500).map(({ file }) => file);
    expect(long).toEqual([]);
  });

  it("every rule sits in a declared layer (unlayered rules would beat every layer)", () => {
    const declared = /@layer\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*;/
      .exec(readFileSync(path.join(SRC, "styles/tokens.css"), "utf8"))?.[1]
      ?.split(/\s*,\s*/);
    for (const { file, css } of sheets) {
      const body = css
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/@layer\s+[\w-]+(\s*,\s*[\w-]+)+\s*;/, "")
        .trim();
      const layer = /^@layer\s+([\w-]+)\s*\{[\s\S]*\}$/.exec(body)?.[1];
      expect(
        layer && declared?.includes(layer),
        `${path.relative(SRC, file)}: one @layer block of a declared layer`,
      ).toBe(true);
    }
  });

  it("a media query appears at most once in a stylesheet", () => {
    for (const { file, css } of sheets) {
      const queries = [...css.matchAll(/@media\s*([^{]+)\{/g)].map((m) => (m[1] ?? "").trim());
      const repeated = queries.filter((q, i) => queries.indexOf(q) !== i);
      expect(repeated, path.relative(SRC, file)).toEqual([]);
    }
  });
});
