// The search box: suggestions from the API as the user types (names and aliases, Chinese-aware), chosen by click or keys.
import type { SearchHit } from "../../../graph/store/types.ts";
import { LABEL_COLORS } from "../graph/palette.ts";
import { h, setChildren } from "./dom.ts";

/** Where suggestions come from and what choosing one does. */
export interface SearchActions {
  suggest(query: string): Promise<SearchHit[]>;
  choose(hit: SearchHit): void;
}

/** Builds the search box in its element and wires it up. */
export function mountSearchBox(element: HTMLElement, actions: SearchActions): void {
  const input = h("input", {
    type: "search",
    id: "search-input",
    placeholder: "Search regions, industries, projects, goals (e.g. 雄安)",
    autocomplete: "off",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "search-suggestions",
  });
  const list = h("ul", { id: "search-suggestions", role: "listbox", hidden: true });
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    input.value = hit.name;
    actions.choose(hit);
  };
  const draw = () => {
    setChildren(
      list,
      ...(hits.length === 0
        ? [h("li", { class: "empty" }, "No match")]
        : hits.map((hit, i) =>
            h(
              "li",
              {
                role: "option",
                id: `suggestion-${i}`,
                "aria-selected": String(i === active),
                "data-key": hit.key,
                onmousedown: (event) => {
                  event.preventDefault();
                  choose(hit);
                },
              },
              h("span", { class: "swatch dot", style: `background:${LABEL_COLORS[hit.label]}` }),
              h("span", { class: "suggestion-name" }, hit.name),
              hit.match !== hit.name ? h("span", { class: "suggestion-alias" }, `(${hit.match})`) : null,
              h("span", { class: "suggestion-label" }, hit.label),
            ),
          )),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query === "") return close();
    timer = setTimeout(async () => {
      const ticket = ++asked;
      const found = await actions.suggest(query).catch(() => []);
      if (ticket !== asked) return;
      hits = found;
      active = hits.length > 0 ? 0 : -1;
      draw();
    }, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = hits.length === 0 ? -1 : (active + step + hits.length) % hits.length;
      draw();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  setChildren(element, input, list);
}
