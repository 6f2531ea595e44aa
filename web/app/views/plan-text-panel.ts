// The plan text panel: a plan's cleaned text with one sentence highlighted and scrolled into view.
import type { PlanText } from "../../../graph/store/types.ts";
import { h, setChildren } from "./dom.ts";

function closeButton(onClose: () => void): HTMLElement {
  return h(
    "button",
    { type: "button", class: "close", title: "Close", "aria-label": "Close plan text", onclick: onClose },
    "×",
  );
}

/** Shows a plan's text with the characters from `start` to `end` marked and in view; without the text, just the sentence. */
export function renderPlanText(
  element: HTMLElement,
  plan: PlanText,
  start: number,
  end: number,
  onClose: () => void,
  sentence = "",
): void {
  if (plan.text.length < end) {
    element.hidden = false;
    setChildren(
      element,
      closeButton(onClose),
      h("h2", {}, plan.name),
      h("p", { class: "notice" }, "This graph holds no text for this plan (it was exported or loaded without texts)."),
      sentence ? h("div", { class: "plan-body", lang: "zh" }, h("mark", { id: "highlight" }, sentence)) : null,
    );
    return;
  }
  const section = [...plan.sections].reverse().find((s) => s.start <= start && start < s.end);
  const mark = h("mark", { id: "highlight" }, plan.text.slice(start, end));
  element.hidden = false;
  setChildren(
    element,
    closeButton(onClose),
    h("h2", {}, plan.name),
    h(
      "p",
      { class: "muted" },
      `${plan.id}${section ? ` · ${section.number}${section.name}` : ""} · characters ${start}–${end}`,
    ),
    h("div", { class: "plan-body", lang: "zh" }, plan.text.slice(0, start), mark, plan.text.slice(end)),
  );
  mark.scrollIntoView({ block: "center" });
}

/** Shows that a plan's text could not be loaded. */
export function renderPlanTextError(element: HTMLElement, message: string, onClose: () => void): void {
  element.hidden = false;
  setChildren(element, closeButton(onClose), h("p", { class: "error" }, message));
}
