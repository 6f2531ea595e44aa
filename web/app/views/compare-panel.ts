// The Compare view: pick plans A and B, then see per type what both name, what only A or only B names, and goals side by side.
import { ENTITY_LABELS, RELATION_TYPES, type NodeLabel } from "../../../schema/index.ts";
import type {
  ComparedEntity,
  ComparedRelation,
  GoalView,
  PlanComparison,
  Split,
} from "../../../graph/compare/index.ts";
import { PlanReferenceError, resolvePlan, type PlanCandidate } from "../../../graph/store/resolve-plan.ts";
import { LABEL_COLORS, MEMBERSHIP_COLORS, TYPE_COLORS } from "../graph/palette.ts";
import { count, h, setChildren } from "./dom.ts";

/** Names a list shows before its “Show all” button. */
const SHOWN_NAMES = 20;

/** A plan the pickers offer: what the plan resolver matches (id, name, file, region), its menu title and its level. */
export interface PlanChoice extends PlanCandidate {
  title: string;
  level: string;
}

/** What the Compare view shows. */
export interface CompareModel {
  plans: readonly PlanChoice[];
  a: string | null;
  b: string | null;
  result: PlanComparison | null;
  /** What is happening (loading) or what went wrong, or null. */
  status: { text: string; error: boolean } | null;
  /** Whether the graph is coloured by side of the comparison. */
  colour: boolean;
}

/** What the Compare view's controls do. */
export interface CompareActions {
  choose(side: "a" | "b", plan: string | null): void;
  swap(): void;
  select(key: string): void;
  setColour(on: boolean): void;
  close(): void;
}

type SplitName = keyof Split<unknown>;

const SPLITS: { name: SplitName; heading: string; side: keyof typeof MEMBERSHIP_COLORS }[] = [
  { name: "both", heading: "In both", side: "both" },
  { name: "onlyA", heading: "Only in A", side: "a" },
  { name: "onlyB", heading: "Only in B", side: "b" },
];

function sideChip(side: "a" | "b" | "both", text: string): HTMLElement {
  return h("span", { class: "side-chip", style: `background:${MEMBERSHIP_COLORS[side]}` }, text);
}

/**
 * The plan picker of one side: a filter box over a menu grouped by level. Enter resolves what was typed as every
 * command does (resolvePlan): one plan is chosen; several are left in the menu with a note to pick one.
 */
function mountPicker(side: "a" | "b", actions: CompareActions) {
  const letter = side.toUpperCase();
  const filter = h("input", {
    type: "search",
    id: `compare-filter-${side}`,
    class: "compare-filter",
    placeholder: "Filter (河北, 2021…)",
    "aria-label": `Filter the plans offered as plan ${letter}`,
    autocomplete: "off",
  });
  const select = h("select", {
    id: `compare-${side}`,
    "aria-label": `Plan ${letter}`,
    onchange: () => actions.choose(side, select.value || null),
  });
  let plans: readonly PlanChoice[] = [];
  let chosen: string | null = null;
  const shown = () => {
    const words = filter.value.trim().toLowerCase();
    return plans.filter((p) => p.id === chosen || words === "" || `${p.title} ${p.id}`.toLowerCase().includes(words));
  };
  const fill = () => {
    const list = shown();
    const levels = [...new Set(list.map((p) => p.level))];
    const option = (p: PlanChoice) => h("option", { value: p.id, title: p.id, selected: p.id === chosen }, p.title);
    setChildren(
      select,
      h(
        "option",
        { value: "", selected: chosen === null },
        list.length > 0 ? `Choose plan ${letter}… (${count(list.length)})` : "No plan matches the filter",
      ),
      ...(levels.length > 1
        ? levels.map((level) => h("optgroup", { label: level }, ...list.filter((p) => p.level === level).map(option)))
        : list.map(option)),
    );
  };
  const note = h("p", { class: "compare-note", id: `compare-note-${side}`, role: "status" });
  filter.addEventListener("input", () => {
    note.textContent = "";
    fill();
  });
  filter.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || filter.value.trim() === "") return;
    event.preventDefault();
    try {
      note.textContent = "";
      actions.choose(side, resolvePlan(plans, filter.value));
    } catch (err) {
      if (!(err instanceof PlanReferenceError)) throw err;
      note.textContent =
        err.code === "plan/ambiguous"
          ? `“${filter.value.trim()}” matches ${count(err.candidates.length)} plans; choose one from the menu`
          : `No plan matches “${filter.value.trim()}”`;
    }
  });
  const element = h(
    "div",
    { class: "compare-picker", "data-side": side },
    sideChip(side, letter),
    h("div", { class: "compare-picker-fields" }, filter, select, note),
  );
  const update = (nextPlans: readonly PlanChoice[], nextChosen: string | null) => {
    if (nextPlans === plans && nextChosen === chosen) return;
    plans = nextPlans;
    chosen = nextChosen;
    fill();
  };
  return { element, update };
}

function nodeLink(key: string, name: string, actions: CompareActions, note?: string, title?: string): HTMLElement {
  return h(
    "button",
    { type: "button", class: "node-link", "data-key": key, title: title ?? key, onclick: () => actions.select(key) },
    h("span", { class: "name" }, name),
    note ? h("span", { class: "mention-count" }, note) : null,
  );
}

/** A list cut at SHOWN_NAMES, with a button that shows the rest in place. */
function cappedList<T>(items: readonly T[], item: (x: T) => HTMLElement): HTMLElement[] {
  const list = h("ul", { class: "compare-list" }, ...items.slice(0, SHOWN_NAMES).map(item));
  if (items.length <= SHOWN_NAMES) return [list];
  const more = h(
    "button",
    {
      type: "button",
      class: "show-all",
      onclick: () => {
        setChildren(list, ...items.map(item));
        more.remove();
      },
    },
    `Show all ${count(items.length)}`,
  );
  return [list, more];
}

function entityItem(split: SplitName, e: ComparedEntity, actions: CompareActions): HTMLElement {
  const note = split === "both" ? `${e.a}·${e.b}` : String(split === "onlyA" ? e.a : e.b);
  const title = `${e.key}: named in ${e.a} sentence(s) of A and ${e.b} of B`;
  return h("li", {}, nodeLink(e.key, e.name, actions, note, title));
}

function relationItem(r: ComparedRelation, actions: CompareActions): HTMLElement {
  return h(
    "li",
    { class: "relation-pair" },
    nodeLink(r.source, r.sourceName, actions),
    h("span", { class: "arrow" }, "→"),
    nodeLink(r.target, r.targetName, actions),
  );
}

function typeSection<T>(
  name: string,
  color: string,
  shape: "dot" | "line",
  split: Split<T>,
  item: (split: SplitName, x: T) => HTMLElement,
): HTMLElement {
  return h(
    "section",
    { class: "compare-type", "data-type": name, id: `compare-type-${name}` },
    h("h3", {}, h("span", { class: `swatch ${shape}`, style: `background:${color}` }), name),
    h(
      "div",
      { class: "compare-columns" },
      ...SPLITS.map(({ name: s, heading, side }) =>
        h(
          "div",
          { class: "compare-column", "data-split": s },
          h(
            "h4",
            { style: `border-color:${MEMBERSHIP_COLORS[side]}` },
            heading,
            h("span", { class: "split-count" }, count(split[s].length)),
          ),
          ...(split[s].length > 0
            ? cappedList(split[s], (x) => item(s, x))
            : [h("p", { class: "muted none" }, "none")]),
        ),
      ),
    ),
  );
}

function goalCell(goal: GoalView, actions: CompareActions): HTMLElement {
  const value = goal.value !== undefined ? `${goal.value}${goal.unit ?? ""}` : null;
  const facts = [value, goal.horizon !== undefined ? String(goal.horizon) : null].filter((x) => x !== null);
  return h(
    "td",
    {},
    h("div", { class: "goal-value" }, facts.length > 0 ? facts.join(" · ") : "—"),
    nodeLink(goal.key, goal.name, actions),
  );
}

function goalsTable(result: PlanComparison, actions: CompareActions): HTMLElement {
  const paired = result.goals.filter((g): g is Required<typeof g> => g.a !== undefined && g.b !== undefined);
  const unpaired = { a: result.entities.Goal.onlyA.length, b: result.entities.Goal.onlyB.length };
  return h(
    "section",
    { class: "compare-type", "data-type": "goals", id: "compare-goals-section" },
    h("h3", {}, "Goals side by side", h("span", { class: "split-count" }, `${count(paired.length)} paired`)),
    paired.length > 0
      ? h(
          "table",
          { id: "compare-goals", class: "compare-goals" },
          h("thead", {}, h("tr", {}, h("th", {}, "Metric"), h("th", {}, "Plan A"), h("th", {}, "Plan B"))),
          h(
            "tbody",
            {},
            ...paired.map((g) => {
              const metric = g.a.metric ?? g.b.metric ?? (g.a.key === g.b.key ? "same goal" : "similar wording");
              return h(
                "tr",
                { "data-metric": metric },
                h("th", {}, metric),
                goalCell(g.a, actions),
                goalCell(g.b, actions),
              );
            }),
          ),
        )
      : h("p", { class: "muted" }, "No goal of one plan matches a goal of the other by metric or wording."),
    h(
      "p",
      { class: "hint" },
      `Paired by metric, else by wording. Not paired: ${count(unpaired.a)} goal(s) only in A, ${count(unpaired.b)} only in B (listed under Goal).`,
    ),
  );
}

function summaryTable(result: PlanComparison): HTMLElement {
  const rows: [string, Split<unknown>][] = [
    ...ENTITY_LABELS.map((l) => [l, result.entities[l]] as [string, Split<unknown>]),
    ...RELATION_TYPES.map((t) => [t, result.relations[t]] as [string, Split<unknown>]),
  ];
  return h(
    "table",
    { class: "compare-summary", id: "compare-summary" },
    h("thead", {}, h("tr", {}, h("th", {}, ""), ...SPLITS.map((s) => h("th", {}, s.heading)))),
    h(
      "tbody",
      {},
      ...rows.map(([name, split]) =>
        h(
          "tr",
          { "data-type": name },
          h(
            "th",
            {},
            h(
              "a",
              {
                href: `#compare-type-${name}`,
                onclick: (event) => {
                  event.preventDefault();
                  document.getElementById(`compare-type-${name}`)?.scrollIntoView({ block: "start" });
                },
              },
              name,
            ),
          ),
          ...SPLITS.map((s) => h("td", {}, count(split[s.name].length))),
        ),
      ),
    ),
  );
}

function results(result: PlanComparison, model: CompareModel, actions: CompareActions): HTMLElement {
  const colour = h("input", {
    type: "checkbox",
    id: "compare-colour",
    checked: model.colour,
    onchange: () => actions.setColour(colour.checked),
  });
  return h(
    "div",
    { class: "compare-results" },
    h(
      "div",
      { class: "compare-titles" },
      h("p", {}, sideChip("a", "A"), h("span", { id: "compare-title-a" }, result.a.title)),
      h("p", {}, sideChip("b", "B"), h("span", { id: "compare-title-b" }, result.b.title)),
    ),
    h(
      "label",
      { class: "compare-colour" },
      colour,
      "Colour the graph:",
      sideChip("both", "both"),
      sideChip("a", "only A"),
      sideChip("b", "only B"),
    ),
    summaryTable(result),
    ...ENTITY_LABELS.map((label) =>
      typeSection(label, LABEL_COLORS[label as NodeLabel], "dot", result.entities[label], (s, e: ComparedEntity) =>
        entityItem(s, e, actions),
      ),
    ),
    goalsTable(result, actions),
    ...RELATION_TYPES.map((type) =>
      typeSection(type, TYPE_COLORS[type], "line", result.relations[type], (_s, r: ComparedRelation) =>
        relationItem(r, actions),
      ),
    ),
  );
}

/** Builds the Compare view once; returns a function that shows a new model without disturbing a picker in use. */
export function mountComparePanel(element: HTMLElement, actions: CompareActions): (model: CompareModel) => void {
  const pickers = { a: mountPicker("a", actions), b: mountPicker("b", actions) };
  const status = h("p", { id: "compare-status", role: "status" });
  const body = h("div", { id: "compare-body" });
  let shown: PlanComparison | null = null;
  setChildren(
    element,
    h(
      "button",
      {
        type: "button",
        class: "close",
        title: "Close",
        "aria-label": "Close the Compare view",
        onclick: actions.close,
      },
      "×",
    ),
    h("h2", {}, "Compare plans"),
    h(
      "div",
      { class: "compare-pickers" },
      pickers.a.element,
      pickers.b.element,
      h("button", { type: "button", id: "compare-swap", title: "Swap A and B", onclick: actions.swap }, "⇅ Swap"),
    ),
    status,
    body,
  );
  return (model) => {
    pickers.a.update(model.plans, model.a);
    pickers.b.update(model.plans, model.b);
    status.hidden = model.status === null;
    status.textContent = model.status?.text ?? "";
    status.className = model.status?.error ? "error" : "muted";
    if (model.result !== shown) {
      shown = model.result;
      if (!model.result) setChildren(body);
      else setChildren(body, results(model.result, model, actions));
    }
    const colour = body.querySelector<HTMLInputElement>("#compare-colour");
    if (colour) colour.checked = model.colour;
  };
}
