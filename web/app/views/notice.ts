// The status line and the dismissable notice above the graph.
import { h, setChildren } from "./dom.ts";

/** Writes the status line and shows or hides the notice. */
export class Notice {
  readonly #status: HTMLElement;
  readonly #notice: HTMLElement;

  /** Uses the page's status line and notice elements. */
  constructor(status: HTMLElement, notice: HTMLElement) {
    this.#status = status;
    this.#notice = notice;
  }

  /** Replaces the status line. */
  status(text: string): void {
    this.#status.textContent = text;
  }

  /** Shows a notice, with an optional action button beside its dismiss button. */
  show(text: string, action?: { label: string; run: () => void }): void {
    this.#notice.hidden = false;
    setChildren(
      this.#notice,
      h("span", {}, text),
      action ? h("button", { type: "button", onclick: action.run }, action.label) : null,
      h("button", { type: "button", class: "close", "aria-label": "Dismiss", onclick: () => this.hide() }, "×"),
    );
  }

  /** Hides the notice. */
  hide(): void {
    this.#notice.hidden = true;
  }
}
