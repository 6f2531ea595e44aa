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

/** Builds the filter controls once; returns a function that shows new values without disturbing a control in use. */
export function mountFilters(element: HTMLElement, actions: FiltersActions): (model: FiltersModel) => void {
  const degree = h("input", { type: "number", id: "min-degree", min: 0, max: 500, step: 1, value: 0 });
  degree.addEventListener("input", () => {
    if (degree.value === "") return;
    actions.setMinDegree(Math.max(0, Math.floor(Number(degree.value) || 0)));
  });
  const limit = h(
    "select",
    { id: "limit", onchange: () => actions.setLimit(Number(limit.value)) },
    ...LIMITS.map((n) => h("option", { value: n }, `${count(n)} nodes`)),
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
  return (model) => {
    if (document.activeElement !== degree && Number(degree.value) !== model.minDegree)
      degree.value = String(model.minDegree);
    if (Number(limit.value) !== model.limit) limit.value = String(model.limit);
  };
}
