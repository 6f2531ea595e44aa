// The legend: one switch per label and relationship type, with its colour, count and meaning; clicking shows or hides it.
import { DESCRIPTIONS, EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from "../../../schema/index.ts";
import { LABEL_COLORS, TYPE_COLORS } from "../graph/palette.ts";
import { count, h, setChildren } from "./dom.ts";

/** What the legend shows: per label and type, how many are loaded (null when not loaded) and whether they are shown. */
export interface LegendModel {
  labels: ReadonlyMap<NodeLabel, number | null>;
  types: ReadonlyMap<EdgeType, number | null>;
  shownLabels: ReadonlySet<NodeLabel>;
  shownTypes: ReadonlySet<EdgeType>;
  /** Why the switches do nothing now (a Cypher result shows everything it returned), or null. */
  disabled: string | null;
  /** A remark on what the colours mean now (the graph coloured by compared plan), or null. */
  note?: string | null;
}

/** What the legend's switches do. */
export interface LegendActions {
  toggleLabel(label: NodeLabel): void;
  toggleType(type: EdgeType): void;
}

function item(
  name: string,
  color: string,
  n: number | null,
  shown: boolean,
  description: string,
  disabled: boolean,
  onClick: () => void,
  shape: "dot" | "line",
): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      role: "switch",
      "aria-checked": String(shown),
      class: `legend-item${shown ? "" : " off"}`,
      title: `${name}: ${description}. Click to ${shown ? "hide" : "show"}.`,
      "data-name": name,
      disabled,
      onclick: onClick,
    },
    h("span", { class: `swatch ${shape}`, style: `background:${color}` }),
    h("span", { class: "legend-name" }, name),
    h("span", { class: "legend-count" }, n === null ? "" : count(n)),
  );
}

/** Draws the legend into its element. */
export function renderLegend(element: HTMLElement, model: LegendModel, actions: LegendActions): void {
  const disabled = model.disabled !== null;
  setChildren(
    element,
    h("h2", {}, "Nodes"),
    h(
      "div",
      { class: "legend-group", "data-kind": "labels" },
      ...NODE_LABELS.map((label) =>
        item(
          label,
          LABEL_COLORS[label],
          model.labels.get(label) ?? null,
          model.shownLabels.has(label),
          DESCRIPTIONS[label],
          disabled,
          () => actions.toggleLabel(label),
          "dot",
        ),
      ),
    ),
    h("h2", {}, "Relationships"),
    h(
      "div",
      { class: "legend-group", "data-kind": "types" },
      ...EDGE_TYPES.map((type) =>
        item(
          type,
          TYPE_COLORS[type],
          model.types.get(type) ?? null,
          model.shownTypes.has(type),
          DESCRIPTIONS[type],
          disabled,
          () => actions.toggleType(type),
          "line",
        ),
      ),
    ),
    model.disabled ? h("p", { class: "hint" }, model.disabled) : null,
    model.note ? h("p", { class: "hint", id: "legend-note" }, model.note) : null,
  );
}
