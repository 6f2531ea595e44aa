// The plan menu: every plan grouped by level, with an entry for every plan of a level, and how plans are titled.
import type { PlanSummary } from "../../../graph/store/types.ts";
import { LEVEL_PREFIX } from "../state/explorer-state.ts";
import { count, h, setChildren } from "./dom.ts";

/** The order of plan levels in the plan menus. */
export const LEVEL_ORDER = ["national", "province", "prefecture", "county", "other"];

/** How the plan menus name a plan: its region and year when the title does not say them, and the title. */
export function planTitle(plan: PlanSummary): string {
  const region = plan.region && !plan.name.includes(plan.region) ? `${plan.region} · ` : "";
  const year = plan.year && !plan.name.includes(String(plan.year)) ? ` (${plan.year})` : "";
  return `${region}${plan.name}${year}`;
}

/** Orders plan levels as LEVEL_ORDER does, unknown ones last by name. */
export function byLevel(a: string, b: string): number {
  return LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b) || a.localeCompare(b);
}

/** Fills the plan menu (the current value selected) and reports the value chosen. */
export function mountPlanMenu(
  select: HTMLSelectElement,
  plans: readonly PlanSummary[],
  current: string | null,
  choose: (plan: string | null) => void,
): void {
  const levels = [...new Set(plans.map((p) => p.level ?? "other"))].sort(byLevel);
  const option = (value: string, text: string, title?: string) =>
    h("option", { value, selected: value === (current ?? ""), title: title ?? null }, text);
  setChildren(
    select,
    option("", `All plans (${count(plans.length)})`),
    ...(levels.length > 1
      ? levels.map((level) => {
          const ofLevel = plans.filter((p) => (p.level ?? "other") === level);
          return h(
            "optgroup",
            { label: `${level} (${count(ofLevel.length)})` },
            level === "other"
              ? null
              : option(`${LEVEL_PREFIX}${level}`, `All ${level} plans (${count(ofLevel.length)})`),
            ...ofLevel.map((p) => option(p.id, planTitle(p), p.id)),
          );
        })
      : plans.map((p) => option(p.id, planTitle(p), p.id))),
  );
  select.addEventListener("change", () => choose(select.value || null));
}
