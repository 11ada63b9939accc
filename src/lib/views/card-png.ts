import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(path.join(process.cwd(), "package.json"));
/** The font files the cards are drawn in: shipped by an npm package, so every build draws the same pixels. */
const FONTS = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
];
/** Where drawn cards are kept between builds, by a hash of what they are drawn from: in Astro's cache dir (astro.config.mjs). */
const CACHE = path.join(process.env.GT_CACHE_DIR ?? path.join(process.cwd(), "node_modules", ".astro"), "cards");
const RESVG_VERSION = (require("@resvg/resvg-js/package.json") as { version: string }).version;

/** How many cards this process drew (the rest came from the cache). */
export const cardStats = { drawn: 0, cached: 0 };

/**
 * The PNG of a card's SVG, from the cache when the same SVG was drawn before
 * with the same rasterizer; drawn with resvg and cached otherwise.
 */
export function cardPng(svg: string): Buffer {
  const key = createHash("sha256")
    .update(`${RESVG_VERSION}\n${FONTS.map((f) => path.basename(f)).join()}\n${svg}`)
    .digest("hex");
  const file = path.join(CACHE, `${key}.png`);
  if (existsSync(file)) {
    cardStats.cached += 1;
    return readFileSync(file);
  }
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: 1200 },
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: "Inter" },
  })
    .render()
    .asPng();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, png);
  cardStats.drawn += 1;
  return png;
}
