// Stage recognise entities: runs the four recognisers and settles spans claimed by two labels.
import type { Lexicon } from "../lexicon/index.ts";
import { bySentence } from "../text/spans.ts";
import type { Mention, RecognitionContext } from "../types.ts";
import { recognizeGoals } from "./recognize-goals.ts";
import { recognizeIndustries } from "./recognize-industries.ts";
import { recognizeProjects } from "./recognize-projects.ts";
import { recognizeRegions } from "./recognize-regions.ts";

/** Lists every entity mention of a document in text order; a name nested in another (石家庄 in 石家庄数字经济产业园) is kept, an identical span keeps the more specific label; a compound such as 成自宜 seen only inside project names is not a region of its own. */
export function recognizeEntities(ctx: RecognitionContext, lex: Lexicon): Mention[] {
  const regions = recognizeRegions(ctx, lex);
  const projects = recognizeProjects(ctx, lex, regions);
  const projectsIn = bySentence(projects);
  const regionsIn = bySentence(regions);
  const covering = (index: Map<number, Mention[]>, m: Mention) =>
    (index.get(m.sentence) ?? []).filter((p) => p.start <= m.start && p.end >= m.end);
  const allIndustries = recognizeIndustries(ctx, lex, projects).filter(
    (i) =>
      !covering(projectsIn, i).some((p) => p.start === i.start && p.end === i.end) &&
      covering(regionsIn, i).length === 0,
  );
  const nested = (i: Mention) => covering(projectsIn, i).length > 0;
  const standalone = new Set(allIndustries.filter((i) => !nested(i)).map((i) => i.name));
  const industryNamed = (i: Mention) =>
    /^(产业|行业)/u.test(ctx.text.slice(i.end, i.end + 2)) || /(产业|经济)$/u.test(i.name);
  const industries = allIndustries.filter((i) => !nested(i) || standalone.has(i.name) || industryNamed(i));
  const standaloneCompounds = new Set(
    regions.filter((r) => r.rule === "region/compound" && !nested(r)).map((r) => r.name),
  );
  const keptRegions = regions.filter(
    (r) =>
      !covering(projectsIn, r).some((p) => p.end - p.start === r.end - r.start) &&
      (r.rule !== "region/compound" || standaloneCompounds.has(r.name)),
  );
  const goals = recognizeGoals(ctx, keptRegions, projects);
  return [...keptRegions, ...projects, ...industries, ...goals].sort((a, b) => a.start - b.start || b.end - a.end);
}
