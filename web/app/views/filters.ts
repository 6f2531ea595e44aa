// The filter controls beside the legend: minimum degree, the cap on drawn nodes, and resetting the view.
import { LIMITS } from "../state/view-state.ts";
import { count, h, setChildren } from "./dom.ts";

/** What the filters show. */
export interface FiltersModel {
  minDegree: number;
  limit: number;
}

/** What the filters do. */
export interface FiltersActions {
  setMinDegree(value: number): void;
  setLimit(value: number): void;
  reset(): void;
  fit(): void;
}

/** Draws the filter controls into their element. */
export function renderFilters(element: HTMLElement, model: FiltersModel, actions: FiltersActions): void {
  const degree = h("input", {
    type: "number",
    id: "min-degree",
    min: 0,
    max: 500,
    step: 1,
    value: model.minDegree,
    onchange: (event) =>
      actions.setMinDegree(Math.max(0, Math.floor(Number((event.target as HTMLInputElement).value) || 0))),
  });
  const limit = h(
    "select",
    { id: "limit", onchange: (event) => actions.setLimit(Number((event.target as HTMLSelectElement).value)) },
    ...LIMITS.map((n) => h("option", { value: n, selected: n === model.limit }, `${count(n)} nodes`)),
  );
  setChildren(
    element,
    h("h2", {}, "Filters"),
    h("label", { class: "field", for: "min-degree" }, "Minimum degree", degree),
    h("label", { class: "field", for: "limit" }, "Draw at most", limit),
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", id: "reset-view", onclick: () => actions.reset() }, "Reset view"),
      h("button", { type: "button", id: "fit-view", onclick: () => actions.fit() }, "Fit to screen"),
    ),
  );
}
