// The Export menu: choose what (current view, this plan, whole graph) and a format; the file downloads.
import type { ExportFormatInfo } from "../../api-contract.ts";
import type { ExportFormat } from "../../../graph/export/formats.ts";
import { h, setChildren } from "./dom.ts";

/** What can be exported from here. */
export type ExportScope = "view" | "plan" | "all";

/** What the menu needs: the formats offered, whether a plan is chosen, and what exporting does. */
export interface ExportMenuOptions {
  formats: readonly ExportFormatInfo[];
  hasPlan(): boolean;
  exportFile(scope: ExportScope, format: ExportFormat): Promise<void>;
  exportPng(): Promise<void>;
}

const LABELS: Record<string, string> = { graphml: "GraphML", gexf: "GEXF", json: "JSON", csv: "CSV", cypher: "Cypher" };

/** Builds the Export button and its menu in their element. */
export function mountExportMenu(element: HTMLElement, options: ExportMenuOptions): void {
  const menu = h("div", { class: "menu", id: "export-options", role: "menu", hidden: true });
  const button = h(
    "button",
    { type: "button", id: "export-button", "aria-haspopup": "menu", "aria-expanded": "false" },
    "Export",
  );
  const status = h("p", { class: "muted", role: "status" });
  const scopes: { value: ExportScope; text: string }[] = [
    { value: "view", text: "Current view" },
    { value: "plan", text: "This plan" },
    { value: "all", text: "Whole graph" },
  ];
  const scopeOf = () =>
    (menu.querySelector("input[name=export-scope]:checked") as HTMLInputElement | null)?.value as ExportScope;
  const run = async (task: () => Promise<void>) => {
    status.textContent = "Preparing the file…";
    try {
      await task();
      status.textContent = "Downloaded.";
    } catch (err) {
      status.textContent = (err as Error).message;
      status.className = "error";
    }
  };
  const draw = () => {
    status.textContent = "";
    status.className = "muted";
    setChildren(
      menu,
      h(
        "fieldset",
        {},
        h("legend", {}, "What"),
        ...scopes.map((s) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: "export-scope",
              value: s.value,
              checked: s.value === "view",
              disabled: s.value === "plan" && !options.hasPlan(),
            }),
            s.text,
          ),
        ),
      ),
      h(
        "div",
        { class: "formats" },
        ...options.formats.map((f) =>
          h(
            "button",
            {
              type: "button",
              role: "menuitem",
              "data-format": f.format,
              title: f.description,
              onclick: () => run(() => options.exportFile(scopeOf(), f.format)),
            },
            `${LABELS[f.format] ?? f.format} (${f.extension})`,
          ),
        ),
        h(
          "button",
          {
            type: "button",
            role: "menuitem",
            "data-format": "png",
            title: "A picture of the graph as drawn now",
            onclick: () => run(() => options.exportPng()),
          },
          "PNG image of the view",
        ),
      ),
      status,
    );
  };
  button.addEventListener("click", () => {
    const open = menu.hidden;
    if (open) draw();
    menu.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  });
  setChildren(element, button, menu);
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
