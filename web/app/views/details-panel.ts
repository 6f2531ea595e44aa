// The details panel: a node's properties, the plans that mention it, its relationships by type, and the sentences behind them.
import { EDGE_TYPES, isEntityLabel, type NodeLabel } from "../../../schema/index.ts";
import type { EvidenceView, NodeDetails, NodeRef, RelationView } from "../../../graph/store/types.ts";
import type { PlanMention } from "../../../graph/compare/index.ts";
import { LABEL_COLORS } from "../graph/palette.ts";
import { count, h, setChildren } from "./dom.ts";

/** Plans named in the details before the rest are counted. */
const SHOWN_PLANS = 4;

/** Plans the “mentioned by” list shows before the rest fold away. */
const SHOWN_MENTIONS = 10;

/** What the panel's buttons and links do. */
export interface DetailsActions {
  select(key: string): void;
  expand(key: string, depth: 1 | 2): void;
  hide(key: string): void;
  openEvidence(evidence: EvidenceView): void;
  pathTo(from: string): void;
  close(): void;
}

function value(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? "—" : v.join("、");
  return String(v);
}

function nodeLink(ref: NodeRef, actions: DetailsActions): HTMLElement {
  return h(
    "button",
    { type: "button", class: "node-link", "data-key": ref.key, title: ref.key, onclick: () => actions.select(ref.key) },
    h("span", { class: "swatch dot", style: `background:${LABEL_COLORS[ref.label as NodeLabel] ?? "#666"}` }),
    ref.name,
  );
}

function sentence(ev: EvidenceView, actions: DetailsActions): HTMLElement {
  return h(
    "li",
    {},
    h(
      "button",
      {
        type: "button",
        class: "evidence",
        title: "Open the plan text at this sentence",
        "data-plan": ev.plan,
        "data-start": ev.start,
        onclick: () => actions.openEvidence(ev),
      },
      ev.sentence,
    ),
    h("span", { class: "evidence-source" }, `${ev.plan}${ev.sectionName ? ` · ${ev.sectionName}` : ""}`),
  );
}

function relation(r: RelationView, actions: DetailsActions): HTMLElement {
  const arrow = r.direction === "out" ? "→" : "←";
  const extra = Object.entries(r.properties)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(", ");
  return h(
    "li",
    { class: "relation" },
    h(
      "div",
      { class: "relation-head" },
      h("span", { class: "arrow" }, arrow),
      nodeLink(r.other, actions),
      h("span", { class: "muted" }, ` ${r.plan}${extra ? ` · ${extra}` : ""}`),
    ),
    r.evidence.length > 0
      ? h("ul", { class: "evidence-list" }, ...r.evidence.map((ev) => sentence(ev, actions)))
      : null,
  );
}

function more(total: number, shown: number): HTMLElement | null {
  return total > shown ? h("p", { class: "hint" }, `Showing ${count(shown)} of ${count(total)}.`) : null;
}

/** Shows that details are loading for a node. */
export function renderDetailsLoading(element: HTMLElement, key: string): void {
  element.hidden = false;
  setChildren(element, h("p", { class: "muted" }, `Loading ${key}…`));
}

/** Shows why the details could not be loaded. */
export function renderDetailsError(element: HTMLElement, message: string, actions: DetailsActions): void {
  element.hidden = false;
  setChildren(
    element,
    h("button", { type: "button", class: "close", onclick: () => actions.close() }, "×"),
    h("p", { class: "error" }, message),
  );
}

/** Draws a node's details. */
export function renderDetails(element: HTMLElement, details: NodeDetails, actions: DetailsActions): void {
  const { node } = details;
  element.hidden = false;
  const properties = Object.entries(details.properties);
  setChildren(
    element,
    h(
      "button",
      { type: "button", class: "close", title: "Close", "aria-label": "Close details", onclick: () => actions.close() },
      "×",
    ),
    h("h2", { class: "details-name" }, node.name),
    h(
      "p",
      { class: "details-label" },
      h("span", { class: "swatch dot", style: `background:${LABEL_COLORS[node.label]}` }),
      node.label,
      h("code", {}, node.key),
    ),
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", id: "expand-1", onclick: () => actions.expand(node.key, 1) }, "Expand"),
      h("button", { type: "button", id: "expand-2", onclick: () => actions.expand(node.key, 2) }, "Expand 2 hops"),
      h("button", { type: "button", id: "hide-node", onclick: () => actions.hide(node.key) }, "Hide"),
      h("button", { type: "button", id: "path-from", onclick: () => actions.pathTo(node.key) }, "Path to…"),
    ),
    properties.length > 0
      ? h(
          "table",
          { class: "properties" },
          ...properties.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, value(v)))),
        )
      : null,
    isEntityLabel(node.label)
      ? h("section", { id: "mentions" }, h("p", { class: "muted" }, "Looking up the plans that mention it…"))
      : details.plans.length > 0
        ? h(
            "p",
            { class: "muted", title: details.plans.join("\n") },
            `Stated in ${count(details.plans.length)} plan(s): ${details.plans.slice(0, SHOWN_PLANS).join(", ")}` +
              (details.plans.length > SHOWN_PLANS ? ` and ${count(details.plans.length - SHOWN_PLANS)} more` : ""),
          )
        : null,
    h("h3", {}, `Evidence sentences (${count(details.provenance.total)})`),
    details.provenance.items.length > 0
      ? h(
          "ul",
          { class: "evidence-list", id: "provenance" },
          ...details.provenance.items.map((ev) => sentence(ev, actions)),
        )
      : h("p", { class: "muted" }, "No sentence mentions this node."),
    more(details.provenance.total, details.provenance.items.length),
    ...EDGE_TYPES.flatMap((type) => {
      const group = details.relations[type];
      if (!group || type === "MENTIONED_IN") return [];
      return [
        h("h3", {}, `${type} (${count(group.total)})`),
        h("ul", { class: "relations", "data-type": type }, ...group.items.map((r) => relation(r, actions))),
        more(group.total, group.items.length),
      ];
    }),
    details.relations.MENTIONED_IN
      ? h(
          "details",
          {},
          h("summary", {}, `MENTIONED_IN (${count(details.relations.MENTIONED_IN.total)} sections)`),
          h(
            "ul",
            { class: "relations" },
            ...details.relations.MENTIONED_IN.items.map((r) => h("li", {}, nodeLink(r.other, actions))),
          ),
        )
      : null,
  );
}

function mentionItem(m: PlanMention): HTMLElement {
  const where = [m.region, m.level].filter((x) => x !== undefined).join(" · ");
  return h(
    "li",
    { "data-plan": m.plan, title: m.plan },
    h("span", { class: "mention-title" }, m.title),
    where ? h("span", { class: "muted" }, ` ${where}`) : null,
    h("span", { class: "mention-count" }, `${count(m.sentences)} sentence${m.sentences === 1 ? "" : "s"}`),
  );
}

/** Fills the details' “mentioned by” section: every plan that mentions the node, most sentences first. */
export function renderMentions(element: HTMLElement, mentions: readonly PlanMention[]): void {
  const rest = mentions.slice(SHOWN_MENTIONS);
  setChildren(
    element,
    h("h3", {}, `Mentioned by ${count(mentions.length)} plan${mentions.length === 1 ? "" : "s"}`),
    mentions.length > 0
      ? h("ol", { class: "mentions-list" }, ...mentions.slice(0, SHOWN_MENTIONS).map(mentionItem))
      : h("p", { class: "muted" }, "No plan mentions it in a sentence."),
    rest.length > 0
      ? h(
          "details",
          {},
          h("summary", {}, `${count(rest.length)} more`),
          h("ol", { class: "mentions-list", start: SHOWN_MENTIONS + 1 }, ...rest.map(mentionItem)),
        )
      : null,
  );
}

/** Says in the “mentioned by” section why the plans could not be listed. */
export function renderMentionsError(element: HTMLElement, message: string): void {
  setChildren(element, h("p", { class: "error" }, `Could not list the plans that mention it: ${message}`));
}
