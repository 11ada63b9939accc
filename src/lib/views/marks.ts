import type { Stance, Status } from "../../schemas/vocabulary.ts";

/**
 * The shape of each status as SVG path data around (0, 0), the same series as
 * the status badges (○ ◔ ◑ ◕ ● ✕ ⊘), so a mark never relies on colour alone.
 * `ring` paths are stroked circles; `fill` paths are filled.
 */
export const STATUS_SHAPES: Record<Status, { ring: boolean; fill?: string; stroke?: string }> = {
  floated: { ring: true },
  proposed: { ring: true, fill: "M0 0V-4.5A4.5 4.5 0 0 1 4.5 0Z" },
  negotiating: { ring: true, fill: "M0 -4.5A4.5 4.5 0 0 1 0 4.5Z" },
  agreed: { ring: true, fill: "M0 0V-4.5A4.5 4.5 0 1 1 -4.5 0Z" },
  implemented: { ring: true, fill: "M0 -4.5A4.5 4.5 0 0 1 0 4.5A4.5 4.5 0 0 1 0 -4.5Z" },
  rejected: { ring: false, stroke: "M-4 -4L4 4M4 -4L-4 4" },
  withdrawn: { ring: true, stroke: "M-3.2 3.2L3.2 -3.2" },
};

/** The shape of each stance, as the stance labels (✓ ✗ ? ◐). */
export const STANCE_SHAPES: Record<Stance, { ring: boolean; fill?: string; stroke?: string }> = {
  supports: { ring: false, stroke: "M-4.5 0L-1.5 3.5L4.5 -4" },
  opposes: { ring: false, stroke: "M-4 -4L4 4M4 -4L-4 4" },
  undecided: { ring: false, stroke: "M-3 -2.5A3 3 0 1 1 0 0.5V2M0 4V5" },
  conditional: { ring: true, fill: "M0 -4.5A4.5 4.5 0 0 0 0 4.5Z" },
};
