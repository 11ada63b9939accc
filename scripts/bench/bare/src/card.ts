import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(path.join(process.cwd(), "package.json"));
/** The same rasterizer and fonts as the full site's social cards, so the floor does the same work per image. */
const FONTS = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
];
const CACHE = path.join(process.env.GT_CACHE_DIR ?? path.join(process.cwd(), "node_modules", ".astro"), "cards");

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A plain 1200×630 card naming the file, drawn with resvg and cached by a
 * hash of its SVG, as the full site draws and caches its cards.
 */
export function plainCard(name: string): Buffer {
  const words = name.split(/[/-]/).filter(Boolean);
  const lines = [words.slice(0, 4), words.slice(4, 8), words.slice(8, 12)].filter((l) => l.length > 0);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="Inter">`,
    `<rect width="1200" height="630" fill="#ffffff"/>`,
    `<text x="80" y="110" font-size="30" fill="#555555">bare</text>`,
    ...lines.map(
      (line, i) => `<text x="80" y="${200 + i * 72}" font-size="62" font-weight="700">${escape(line.join(" "))}</text>`,
    ),
    `<circle cx="104" cy="480" r="18" fill="#888888"/>`,
    `<text x="140" y="494" font-size="40" font-weight="700">status as of a date</text>`,
    `<text x="80" y="580" font-size="32" font-weight="700">◆ Bare site</text>`,
    `</svg>`,
  ].join("");
  const file = path.join(CACHE, `${createHash("sha256").update(svg).digest("hex")}.png`);
  if (existsSync(file)) return readFileSync(file);
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: 1200 },
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: "Inter" },
  })
    .render()
    .asPng();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, png);
  return png;
}
