// Public names of cross-plan comparison.
export { comparePlans } from "./compare-plans.ts";
export type { PlanComparison, ComparedEntity, ComparedRelation, GoalView, Split } from "./compare-plans.ts";
export { findEntities, listMentions, plansMentioning, mostMentioned, namedInside } from "./mentions.ts";
export type { PlanMention } from "./mentions.ts";
export { planContents } from "./plan-contents.ts";
export type { PlanContents } from "./plan-contents.ts";
