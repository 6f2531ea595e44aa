// Stage recognise goals: every end-state clause of a goals section, result clauses elsewhere, numeric targets with metric/value/unit.
import { horizonOf } from "./structure.ts";
import { bySentence, clauses } from "../text/spans.ts";
import type { Mention, RecognitionContext, Section, Sentence } from "../types.ts";

/** A lead-in that opens a list of goals (主要目标是：, 实现以下目标). */
const LIST_LEAD = /(主要|预期|发展|奋斗|总体|远景)目标(任务)?[^，。；：:]{0,4}[：:]|(实现|达到|完成)以下(主要)?目标/u;
/** A lead-in that opens the year's targets in a work report (今年经济社会发展主要预期目标是：). */
const ANNUAL_LEAD = /预期目标[^，。；：:]{0,4}[：:]/u;
/** A lead-in that sets a far horizon (展望2035年, 到2035年). */
const LONG_RANGE_LEAD = /展望(20\d\d)年|到(20\d\d)年/u;
/** Item markers at the start of a goal clause (——, 一是, （一）, 1．, 第一，). */
const ITEM_MARKER =
  /^(——|—|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[．.、]|第[一二三四五六七八九十]，)/u;
/** Words before a goal's own clause that are not part of it (我省要, 到2025年, 力争, 确保). */
const LEADING =
  /^((我省|我市|我区|我州|全省|全市|我国)(将|要|也要|还要)|到(20\d\d)年(底|末)?|展望(20\d\d)年|今后五年|未来五年|“?十[四五]五”?(时期|期间|末)?|(20\d\d)年|今年|明年|届时|同时|其中|全年|力争|确保|努力|争取|奋力|要|将|使|让|从而|进而|以此)+/u;
/** Commitment words kept as the goal's `commitment` (确保, 力争). */
const COMMITMENT = /^(确保|力争|努力|争取|基本|初步|全面)/u;
/** Result verbs that open a goal clause (基本实现…, 建成…, 跻身…). */
const RESULT_START =
  /^(基本|全面|初步|率先|如期|更好|真正|进一步|有效|逐步|加速|加快)?(实现|建成|形成|达到|跻身|迈上|迈出|进入|完成|消除|打赢|建立起|构建形成)/u;
/** Result predicates that close a goal clause (…取得明显成效, …显著提升, …走在全国前列). */
const RESULT_END =
  /(取得[^，；]{0,8}(成效|进展|突破|成果|成就)|迈出[^，；]{0,6}步伐|实现[^，；]{0,6}(突破|跨越|提升|提高)|走在[^，；]{0,10}前列|(明显|显著|大幅|全面|基本|持续|不断|进一步|更加|日益|稳步|普遍|充分)[^，；]{0,3}(增强|提高|提升|改善|完善|健全|优化|减少|下降|扩大|缩小|巩固|彰显|显现|凸显|稳固|跃升|攀升|加快|丰富|突出|协调|活跃|优美|美好|牢固|可靠|有力|推进|进步|发展|落实|满足|形成|建立)|(深入人心|活力迸发|迸发|纵深推进|加快发展|基本同步|基本建成|基本形成|初步建立|全面呈现|成效凸显|进一步叫响|保持全省前列|达到[^，；]{0,12}(水平|新高度|标准)|完成[^，；]{0,12}任务|只增不减|稳中有升|基本稳定|保持[^，；]{0,8}前列|走在前[^，；]{0,4}))$/u;
/** Action verbs that make a clause a task, not a goal (加快推进…, 打造…, 实施…). */
const ACTION_START =
  /^(坚持|加快|推动|推进|实施|打造|加强|深化|强化|构建|建立|健全|完善|优化|促进|培育|统筹|抓好|做好|落实|贯彻|聚焦|围绕|依托|突出|积极|大力|着力|深入|发挥|支持|鼓励|引导|开展|推广|扩大|加大|保持|巩固|探索|规划|布局|谋划|以|把|按照|立足|面向|紧扣|牢牢|始终|坚定|持续|全力|集中|抓住|用好|做强|做大|壮大|提高|提升|增强|发展|建设|创新|构筑|谋求|筹办|举办|办好|组织|配合|服务|保障|加速|防范|严格|严守|守住|树立|弘扬|厚植|夯实|补齐|破除|清理|实行|推行|提供|制定|出台|编制|开工|新建|改造|引进|吸引|承接|对接|融入|协同|携手|共建|共享|加紧|抓紧|尽快|切实|认真|全面贯彻|全面落实|全面推进|全面实施)/u;
/** Past-tense marks: achievements, not goals (已经建成…, 成功举办…). */
const PAST = /(已经|已|曾|了$|成功举办|顺利完成|圆满完成|荣获|获评|获得)/u;
/** Words of a look back (十三五, 过去五年, 去年): the sentence reports results. */
const RETROSPECTIVE = /(十三五|过去五年|过去一年|一年来|五年来|去年|2020年|2019年|回顾)/u;
/** A quantitative target: subject, verb, number and unit, and modifier (生产总值年均增长6%以上). */
const NUMERIC =
  /^(.{2,24}?)(年均增长|年均|增长|达到|提高到|提高|下降到|下降|降低|控制在|保持在|稳定在|超过|突破|新增|增加|减少)?([0-9]+(?:\.[0-9]+)?)(%|‰|万元|亿元|万亿元|元|万人|万吨|万千瓦|万平方米|万亩|亩|公里|千米|天|家|个|项|所|张|台|辆|座|人|户|件|次|吨|亿立方米|个百分点)(以上|左右|以内|以下|以上的)?/u;

/** Units of quantitative targets. */
const UNIT =
  "(?:%|‰|个百分点|万亿元|亿元|万元|元|万人次|人次|万人|人|万户|户|万吨|吨|万千瓦|千瓦|万平方米|平方米|万亩|亩|亿斤|万斤|公里|千米|公顷|天|家|个|项|所|张|台|辆|座|条|处|件|次|亿立方米|立方米|倍)";
/** A count target in running text, count verb first (新建高标准农田470万亩, 新增高新技术企业100家以上); 、-joined targets stay one. */
const COUNT_TARGET = new RegExp(
  `^(?:新增|新建|新认定|新培育|累计|完成|建成|建设|达到|突破|超过|实现)[^，；]{1,24}?[0-9]+(?:\\.[0-9]+)?${UNIT}(?:以上|左右|以内|以下)?(?:、[^，；]*)?$`,
  "u",
);
/** A level target with its subject (粮食产量保持在700亿斤以上, 战略性新兴产业增加值占GDP比重超过17%); past results read the same, so it needs a target word in the sentence or a forward-looking plan. */
const LEVEL_TARGET = new RegExp(
  `^[^，；]{2,28}?(?:达到|突破|超过|增长|下降|降低|提高到|提高|降低到|下降到|控制在|保持在|稳定在|不低于|不少于|不高于|高于|低于)[^，；0-9]{0,6}?[0-9]+(?:\\.[0-9]+)?${UNIT}?(?:以上|左右|以内|以下)?(?:、[^，；]*)?$`,
  "u",
);
/** Words that make a level in running text a target rather than a result already reached. */
const TARGET_CUE = /(力争|确保|预期|目标|到20\d\d年|以上|左右|不低于|以内|控制在|超过)/u;
/** A subject-first result clause (营商环境显著改善, 科技创新取得决定性突破, 县级以上城市完成雨污分流): a goal wherever it stands. */
const SUBJECT_RESULT =
  /^[^，；]{2,16}?(取得[^，；]{0,6}(突破|成效|进展|成果)|迈上[^，；]{0,4}台阶|(显著|明显|大幅|全面|持续|稳步)(提升|提高|增强|改善|优化|下降|跃升)|走在[^，；]{0,6}前列|完成[^，；]{1,10}(任务|改造|分流|治理))$/u;
/** Clause endings that make it an action however it starts (…同步实施, …开工建设). */
const ACTION_END = /(?<!全面|纵深|深入|扎实|稳步|有序|加快|顺利)(实施|推进|落实|开展|启动|开工建设|前期工作|规划)$/u;

/** The goal-reading mode of a sentence: a goal list, a long-range list, an annual-target list, ordinary text, or a retrospective. */
export type GoalMode = "list" | "long-range" | "annual" | "body" | "review";

function sectionChain(ctx: RecognitionContext, path: string): Section[] {
  const out: Section[] = [];
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    const s = ctx.sections.get(p);
    if (s) out.push(s);
    if (!p.includes(".")) break;
  }
  return out;
}

/** Decides, sentence by sentence, which goal-reading mode applies, carrying list modes to the end of the paragraph that opened them; in a goals section, a colon lead that opens some other list (做到“五个更加注重”：) ends the goals for the rest of the section. */
export function goalModes(ctx: RecognitionContext): { mode: GoalMode; horizon?: number; from?: number }[] {
  const out: { mode: GoalMode; horizon?: number; from?: number }[] = [];
  let paragraph = -1;
  let carried: { mode: GoalMode; horizon?: number; from?: number } | undefined;
  let otherList: string | undefined;
  for (const s of ctx.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      carried = undefined;
    }
    const chain = sectionChain(ctx, s.section);
    const section = chain[0];
    const sectionHorizon = chain.find((c) => c.horizon !== undefined)?.horizon;
    if (otherList !== undefined && otherList !== s.section) otherList = undefined;
    const role = otherList ? "body" : (section?.role ?? "body");
    let mode: { mode: GoalMode; horizon?: number; from?: number };
    if (role === "review" || (RETROSPECTIVE.test(s.text) && !/十[四五]五|20[2-3]\d年/u.test(s.text)))
      mode = { mode: "review" };
    else if (ANNUAL_LEAD.test(s.text)) {
      carried = { mode: "annual", horizon: yearOf(ctx) };
      mode = { ...carried, from: s.start + ANNUAL_LEAD.exec(s.text)!.index };
    } else if (LIST_LEAD.test(s.text)) {
      carried = { mode: "list", horizon: horizonOf(s.text) ?? sectionHorizon };
      mode = { ...carried, from: s.start + LIST_LEAD.exec(s.text)!.index };
    } else if (/展望(20\d\d)年/u.test(s.text)) mode = carried = { mode: "long-range", horizon: horizonOf(s.text) };
    else if (carried) mode = carried;
    else if (role === "goals" || role === "long-range") {
      const listy = ITEM_MARKER.test(s.text) || s.isHeading || LONG_RANGE_LEAD.test(s.text) || role === "goals";
      mode = listy
        ? { mode: role === "long-range" ? "long-range" : "list", horizon: sectionHorizon }
        : { mode: "body" };
      if (role === "long-range" && !LONG_RANGE_LEAD.test(s.text) && !ITEM_MARKER.test(s.text))
        mode = { mode: "body", horizon: sectionHorizon };
    } else mode = { mode: "body", horizon: horizonOf(s.text) ?? sectionHorizon };
    if ((role === "goals" || role === "long-range") && /[：:]$/u.test(s.text) && mode.from === undefined)
      otherList = s.section;
    out.push(mode);
  }
  return out;
}

function yearOf(ctx: RecognitionContext): number | undefined {
  if (ctx.planYear) return ctx.planYear;
  const m = /(20\d\d)年是/u.exec(ctx.text) ?? /(20\d\d)年(重点|主要)?工作/u.exec(ctx.text);
  return m ? Number(m[1]) : undefined;
}

/** Parses a quantitative target clause into metric, value, unit and modifier (生产总值年均增长8%以上 → 生产总值年均增长率 / 8 / % / 以上). */
export function parseTarget(
  clause: string,
): { metric: string; value: number; unit: string; modifier?: string } | undefined {
  const m = NUMERIC.exec(clause);
  if (!m) return undefined;
  const [, subject, verb, value, unit, modifier] = m;
  let metric = subject!.replace(/(达到|保持|控制|实现|完成|比|较|比上年|同比)$/u, "");
  if (verb && /增长/u.test(verb)) metric += `${verb}率`;
  else if (verb && /下降|降低/u.test(verb)) metric += "下降率";
  const out: { metric: string; value: number; unit: string; modifier?: string } = {
    metric,
    value: Number(value),
    unit: unit!,
  };
  if (modifier) out.modifier = modifier.replace(/的$/u, "");
  return out;
}

function trimClause(text: string, start: number, end: number): { start: number; end: number; commitment?: string } {
  let s = start;
  let commitment: string | undefined;
  for (;;) {
    const slice = text.slice(s, end);
    const marker = ITEM_MARKER.exec(slice) ?? LEADING.exec(slice);
    if (!marker || marker[0].length === 0) break;
    const c = COMMITMENT.exec(marker[0]);
    if (c && /确保|力争|努力|争取/u.test(c[0])) commitment ??= c[0];
    s += marker[0].length;
  }
  let e = end;
  while (e > s && /[。；，、：:\s]/u.test(text[e - 1]!)) e--;
  return commitment ? { start: s, end: e, commitment } : { start: s, end: e };
}

function isGoalClause(clause: string, mode: GoalMode, raw: string, sentence = "", forward = false): boolean {
  if (clause.length < 4 || clause.length > 60) return false;
  // Lead-ins, principles and clauses that announce a list (主要目标是：, 坚持…, 更加注重…) are not goals.
  if (
    /以下|如下|的(目标|任务|要求)$|(主要|重点|总体|发展|预期)(目标|任务)$|目标是$|要求$|^(其中|同时|为此|具体|为|我们|根据|结合|按照|围绕|立足|对照|对标|紧扣|面对|面向|从|更加注重|注重|必须|坚持)/u.test(
      clause,
    ) ||
    /[：:]$/u.test(raw)
  )
    return false;
  // Past results and definitions (…是一项…) are not goals; nor are clauses that end in an action or budget money.
  if (PAST.test(clause) || /^[^，；]{2,14}是(一个|一项|一场|我们|当前|今后|实现|推进)/u.test(clause)) return false;
  if (ACTION_END.test(clause) || /^(安排|计划投资|总投资|完成投资)/u.test(clause)) return false;
  // In a goal list, every clause that is not a task is a goal; a task counts only with a result (推动…实现新突破).
  if (mode === "list" || mode === "long-range" || mode === "annual") {
    if (ACTION_START.test(clause) && !RESULT_END.test(clause) && !RESULT_START.test(clause) && mode !== "long-range")
      return false;
    return (
      RESULT_END.test(clause) ||
      RESULT_START.test(clause) ||
      NUMERIC.test(clause) ||
      mode === "long-range" ||
      !ACTION_START.test(clause)
    );
  }
  // In running text, a goal needs a result: a result verb first, a count, a marked level, or a subject-first result.
  if (mode === "body")
    return (
      (RESULT_START.test(clause) && clause.length >= 6) ||
      COUNT_TARGET.test(clause) ||
      (LEVEL_TARGET.test(clause) && (TARGET_CUE.test(sentence) || forward)) ||
      (SUBJECT_RESULT.test(clause) && !ACTION_START.test(clause) && clause.length >= 6)
    );
  return false;
}

/** Whether a clause only finishes or opens named projects (完成复兴路西延、乐凯大街南延; 茅坪港二期等项目投入使用): a step of work, not an end state. */
function completesProjects(text: string, start: number, end: number, projects: Mention[]): boolean {
  const clause = text.slice(start, end);
  const verb =
    /^(加快)?(完成|建成|开工|竣工|投用|建成投用|建成通车)/u.exec(clause) ??
    /(建成通车|投入使用|建成投用|竣工投产|建成投产|开工建设|建成)$/u.exec(clause);
  if (!verb) return false;
  let rest = verb.index === 0 ? clause.slice(verb[0].length) : clause.slice(0, verb.index);
  const before = rest.length;
  for (const p of projects) if (p.start >= start && p.end <= end) rest = rest.replace(text.slice(p.start, p.end), "");
  return rest.length < before && rest.replace(/[、和及等项目工程\s]/gu, "").length <= 2;
}

/** Lists goal mentions with horizon, commitment and, for numeric targets, metric/value/unit; a leading region subject (河北要…) is left out of the name; `projects` are the project mentions, whose mere completion is not a goal. */
export function recognizeGoals(ctx: RecognitionContext, regions: Mention[], projects: Mention[] = []): Mention[] {
  const { text } = ctx;
  const modes = goalModes(ctx);
  const out: Mention[] = [];
  const regionsIn = bySentence(regions);
  const projectsIn = bySentence(projects);
  ctx.sentences.forEach((s: Sentence, i: number) => {
    const { mode, horizon, from: listFrom } = modes[i]!;
    // Reviews report results, not goals; a heading in running text is a task title.
    if (mode === "review") return;
    if (mode === "body" && s.isHeading) return;
    const sentenceRegions = regionsIn.get(i) ?? [];
    // Every comma or semicolon clause is read on its own; in a list, only the clauses after its lead-in.
    for (const [cs, ce] of clauses(text, s.start, s.end)) {
      if (listFrom !== undefined && ce <= listFrom) continue;
      const raw = text.slice(cs, Math.min(ce + 1, s.end));
      // 确保/力争 + a result is a goal in running text (确保粮食播种面积只增不减).
      const explicitCue = /^(确保|力争)/u.test(text.slice(cs, ce));
      // A region leading the clause (河北要…) is its subject, not part of the goal's name.
      const subject = sentenceRegions.find(
        (r) => r.start === cs && /^(要|将|在|也要|还要)/u.test(text.slice(r.end, r.end + 2)),
      );
      const from = subject
        ? subject.end + (/^(也要|还要)/u.test(text.slice(subject.end, subject.end + 2)) ? 2 : 1)
        : cs;
      const { start, end, commitment } = trimClause(text, from, ce);
      const clause = text.slice(start, end);
      // 建设 + the plan region's own brand is a goal (建设“文化保定”).
      const brand =
        sentenceRegions.some((r) => r.ref === ctx.planRegion && r.end >= end - 1 && r.end <= end && r.start > start) &&
        /^(加快|积极|全面|奋力|努力|着力)?(建设|打造|建成)/u.test(clause);
      if (brand && mode === "body") {
        out.push({
          label: "Goal",
          rule: "goal/brand",
          name: clause,
          aliases: [],
          start,
          end,
          sentence: i,
          props: horizon !== undefined ? { horizon } : {},
        });
        continue;
      }
      // Outlines and proposals look forward, so a level in running text is a target there.
      const forward = ctx.planGenre === "纲要" || ctx.planGenre === "建议";
      if (!isGoalClause(clause, explicitCue && mode === "body" ? "list" : mode, raw, s.text, forward)) continue;
      if (completesProjects(text, start, end, projectsIn.get(i) ?? [])) continue;
      // The horizon: the year the sentence names, else its section's; a work report's targets are for its own year.
      const props: Record<string, string | number> = {};
      const h =
        mode === "annual"
          ? (horizon ?? horizonOf(text.slice(s.start, s.end)))
          : (horizonOf(text.slice(s.start, s.end)) ?? horizon);
      if (h !== undefined) props.horizon = h;
      if (commitment) props.commitment = commitment;
      // Quantitative targets carry metric, value, unit and modifier.
      const target = parseTarget(clause);
      if (target) Object.assign(props, target);
      const rule = target
        ? "goal/target"
        : mode === "body"
          ? explicitCue
            ? "goal/commitment"
            : "goal/result"
          : `goal/${mode}`;
      out.push({ label: "Goal", name: clause, aliases: [], start, end, sentence: i, props, rule });
    }
  });
  return out;
}
