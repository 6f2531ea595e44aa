// Colours of labels and relationship types (Okabe–Ito, readable by most colour-blind people) and node sizes.
import type { EdgeType, NodeLabel } from "../../../schema/index.ts";

/** The colour of each node label, used by the graph and the legend alike. */
export const LABEL_COLORS: { readonly [L in NodeLabel]: string } = {
  Region: "#0072B2",
  Industry: "#009E73",
  Project: "#E69F00",
  Goal: "#CC79A7",
  Plan: "#444444",
  Section: "#999999",
};

/** The colour of each relationship type. */
export const TYPE_COLORS: { readonly [T in EdgeType]: string } = {
  LOCATED_IN: "#56B4E9",
  SUPPORTS: "#7fc9a9",
  TARGETS: "#D55E00",
  SUBSECTOR_OF: "#b3dfc9",
  DEVELOPS: "#F0E442",
  PURSUES: "#e8c6dc",
  MENTIONED_IN: "#d0d0d0",
  PART_OF: "#bbbbbb",
  ISSUED_BY: "#888888",
};

/** The colour of what is in both compared plans, only in plan A, only in plan B, and in neither (blue and orange stay apart for colour-blind readers). */
export const MEMBERSHIP_COLORS = {
  both: "#5e3c99",
  a: "#2c7fb8",
  b: "#e66101",
  neither: "#c4c4c4",
} as const;

/** The colour of nodes and edges pushed into the background while something is selected. */
export const FADED = "#e6e6e6";

/** A node's size from its degree: grows with the square root, so hubs stand out without covering the rest; smaller in crowded graphs. */
export function sizeForDegree(degree: number, crowded = false): number {
  const root = Math.sqrt(Math.max(0, degree));
  return crowded ? Math.min(10, 1.5 + 0.8 * root) : Math.min(22, 3 + 2.2 * root);
}
