import type { DotChart } from "./dot-chart.ts";
import { STANCE_SHAPES, STATUS_SHAPES } from "./marks.ts";
import { xmlEscape } from "../text.ts";

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The shapes of a series as `<defs>`, each a `g#<prefix>-<value>` for the marks' `<use>`. */
export function markDefs(prefix: string, series: "status" | "stance"): string {
  const shapes: Record<string, { ring: boolean; fill?: string; stroke?: string }> =
    series === "status" ? STATUS_SHAPES : STANCE_SHAPES;
  const out = ["<defs>"];
  for (const [value, shape] of Object.entries(shapes)) {
    out.push(
      `<g id="${prefix}-${value}">`,
      shape.ring ? `<circle class="mark-ring" r="4.5" stroke="currentColor" stroke-width="1.6"/>` : "",
      shape.fill ? `<path d="${shape.fill}" fill="currentColor"/>` : "",
      shape.stroke ? `<path d="${shape.stroke}" fill="none" stroke="currentColor" stroke-width="2"/>` : "",
      "</g>",
    );
  }
  out.push("</defs>");
  return out.join("");
}

/**
 * A dot chart's axis, rows, steps and marks as SVG markup: written out here,
 * as the timeline's lanes are, so its marks carry no scoping attribute (the
 * page budget counts every byte). Each mark is an `a[data-count]` named by
 * its label, with its shape (`#<id>-<shape>`) and, for a date known only to
 * a month or a range, its span.
 */
export function dotMarkup(chart: DotChart, id: string, series: "status" | "stance"): string {
  const out: string[] = [markDefs(id, series), `<g class="axis">`];
  for (const tick of chart.ticks) {
    out.push(
      `<line x1="${tick.x}" x2="${tick.x}" y1="${chart.axisY + 4}" y2="${chart.height}" data-day="${tick.day}"/>`,
      `<text x="${tick.x + 3}" y="${chart.axisY}">${xmlEscape(tick.label)}</text>`,
    );
  }
  out.push("</g>");
  for (const row of chart.rows) {
    const label = xmlEscape(shorten(row.label, 26));
    out.push(
      `<g class="row">`,
      row.href
        ? `<a href="${xmlEscape(row.href)}" tabindex="-1"><text class="label link" x="0" y="${row.y + 4}">${label}</text></a>`
        : `<text class="label" x="0" y="${row.y + 4}">${label}</text>`,
      `<path class="guide" d="M${chart.labelWidth} ${row.y}H${chart.width - 10}"/></g>`,
    );
  }
  for (const s of chart.steps) {
    const [x1, x2] = [Math.round(s.x1), Math.round(s.x2)];
    out.push(
      `<path class="step" d="M${x1} ${s.y1}H${x2}"/>`,
      `<path class="step${s.back ? " back" : ""}" d="M${x2} ${s.y1}V${s.y2}"/>`,
    );
  }
  for (const row of chart.rows) {
    if (row.marks.length === 0) continue;
    out.push(`<g transform="translate(0 ${row.y})">`);
    for (const mark of row.marks) {
      const x = Math.round(mark.x);
      out.push(
        `<a href="${xmlEscape(mark.href)}" tabindex="-1" aria-label="${xmlEscape(mark.label)}" class="${series}-${mark.shape}" data-count="${mark.count}">`,
        mark.width >= 3
          ? `<rect class="span" x="${x}" y="-3" width="${Math.round(mark.width)}" height="6" rx="3"/>`
          : "",
        `<use href="#${id}-${mark.shape}" x="${x}"/></a>`,
      );
    }
    out.push("</g>");
  }
  return out.join("");
}
