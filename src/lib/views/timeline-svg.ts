import type { TimelineChart } from "./timeline-chart.ts";
import { xmlEscape } from "../text.ts";

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The lanes of a drawn timeline as SVG markup: written out here rather than
 * by a component, so its hundreds of marks carry no scoping attribute and
 * no repeated default (the page budget counts every byte). Each lane is a
 * `g[data-proposal]` moved to its place; each mark a link with its status's
 * shape (`#<id>-<status>`); a single report dated to a month or a range shows
 * its span, a crowded month shows its count (`text.count`).
 */
export function lanesMarkup(chart: TimelineChart, id: string): string {
  const out: string[] = [];
  for (const group of chart.groups) {
    out.push(
      `<g class="group"><text class="kind" x="10" y="${group.y + 16}">${xmlEscape(shorten(group.label, 70))}</text>`,
    );
    for (const lane of group.lanes) {
      out.push(
        `<g class="lane" data-proposal="${xmlEscape(lane.id)}" data-reports="${lane.reports}" transform="translate(0 ${lane.y})">`,
        `<a href="${xmlEscape(lane.href)}" tabindex="-1"><text class="lane-title" x="10" y="12">${xmlEscape(shorten(lane.title, 84))} · ${lane.reports}</text></a>`,
        `<path class="lane-line" d="M10 24H${chart.width - 10}"/>`,
      );
      for (const mark of lane.marks) {
        const x = Math.round(mark.x);
        const span =
          mark.count === 1 && mark.width >= 3
            ? `<rect class="span" x="${x}" y="21" width="${Math.round(mark.width)}" height="6" rx="3"/>`
            : "";
        const count = mark.count > 1 ? `<text class="count" x="${x + 6}" y="35">${mark.count}</text>` : "";
        out.push(
          `<a href="${xmlEscape(mark.href)}" tabindex="-1" aria-label="${xmlEscape(mark.label)}" class="status-${mark.status}">` +
            `${span}<use href="#${id}-${mark.status}" x="${x}" y="24"/>${count}</a>`,
        );
      }
      out.push("</g>");
    }
    out.push("</g>");
  }
  return out.join("");
}
