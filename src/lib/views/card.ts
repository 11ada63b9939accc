import { STATUSES, termOf, type Status } from "../../schemas/vocabulary.ts";
import { formatDate, type PartialDate } from "../model/dates.ts";
import { STATUS_SHAPES } from "./marks.ts";
import { xmlEscape } from "../text.ts";

/** What a proposal's social card says. */
export interface CardFacts {
  title: string;
  status: Status;
  /** The date of the source the status is per. */
  asOf: PartialDate;
  kind: string;
  site: string;
}

/** Fixed colours (a card is an image: no light or dark scheme), each status's as the site's light theme. */
const STATUS_COLOURS: Record<Status, string> = {
  floated: "#4b5563",
  proposed: "#1d4ed8",
  negotiating: "#92400e",
  agreed: "#15803d",
  implemented: "#14532d",
  rejected: "#b91c1c",
  withdrawn: "#57534e",
};

/** Breaks text into at most `lines` lines of about `width` characters, the last ending in … when cut. */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${(kept[lines - 1] as string).replace(/\s*\S*$/, "")}…`;
  return kept;
}

/** A proposal's card as a 1200×630 SVG, in Inter (the font the rasterizer is given). */
export function cardSvg(facts: CardFacts): string {
  const colour = STATUS_COLOURS[facts.status];
  const shape = STATUS_SHAPES[facts.status];
  const lines = wrap(facts.title, 30, 4);
  const titleY = 200;
  const status = `${termOf(STATUSES, facts.status).label}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="Inter">`,
    `<rect width="1200" height="630" fill="#fbfaf7"/>`,
    `<rect width="1200" height="14" fill="#1d4f91"/>`,
    `<text x="80" y="110" font-size="30" fill="#5a6270">${xmlEscape(facts.kind)}</text>`,
    ...lines.map(
      (line, i) =>
        `<text x="80" y="${titleY + i * 72}" font-size="62" font-weight="700" fill="#1c1f24">${xmlEscape(line)}</text>`,
    ),
    `<g transform="translate(104 ${titleY + lines.length * 72 + 26}) scale(4)" color="${colour}">`,
    shape.ring ? `<circle r="4.5" fill="#ffffff" stroke="${colour}" stroke-width="1.6"/>` : "",
    shape.fill ? `<path d="${shape.fill}" fill="${colour}"/>` : "",
    shape.stroke ? `<path d="${shape.stroke}" fill="none" stroke="${colour}" stroke-width="2"/>` : "",
    `</g>`,
    `<text x="140" y="${titleY + lines.length * 72 + 40}" font-size="40" font-weight="700" fill="${colour}">${xmlEscape(status)}</text>`,
    `<text x="${140 + status.length * 25 + 20}" y="${titleY + lines.length * 72 + 40}" font-size="34" fill="#5a6270">as of ${xmlEscape(formatDate(facts.asOf))}</text>`,
    `<text x="80" y="580" font-size="32" font-weight="700" fill="#1d4f91">◆ ${xmlEscape(facts.site)}</text>`,
    `</svg>`,
  ].join("");
}
