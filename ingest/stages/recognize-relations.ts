// Stage recognise relations: LOCATED_IN, SUPPORTS and TARGETS from names, sentences, enumerations and heading scope.
import type { Lexicon } from "../lexicon/index.ts";
import { AhoCorasick } from "@monyone/aho-corasick";
import { bySentence } from "../text/spans.ts";
import type { Mention, RecognitionContext, RelationMention } from "../types.ts";

/** Verbs between a project and a later industry that say the project serves it (实施X工程，推动制造业…). */
const SUPPORT_CUE =
  /(聚焦|围绕|发展|培育|壮大|推动|支持|带动|服务|促进|打造|重点发展|集聚|聚集|引进|布局|做强|做大|提升|助力|支撑)/u;
/** Verbs before a project that the projects before them build up (京雄城际…，打造“一小时交通圈”). */
const BUILD_CUE = /(构建|打造|形成|建成|助力|服务)$/u;
/** Verbs right after a region that designate it for what follows (正定片区重点发展航空产业). */
const TARGET_VERB =
  /^(要|将|重点|着力|加快|大力|积极|全力)?(建设|打造成?|建成|发展|培育|布局|壮大|创建|争创|实现|基本建成|率先)/u;
/** Zone heads that, named without a place, lie in the plan's own region (沿海经济带, 西部山区). */
const PATTERN_HEADS_IN_PLAN = /(新区|片区|地区|经济带|山区|县|生态涵养区|协同发展区)$/u;

function inside(inner: Mention, outer: Mention): boolean {
  return (
    inner.start >= outer.start && inner.end <= outer.end && !(inner.start === outer.start && inner.end === outer.end)
  );
}

function deepest(lex: Lexicon, regions: Mention[]): Mention | undefined {
  return [...regions].sort((a, b) => {
    const aAnc = lex.regions.get(a.ref ?? "")?.ancestors ?? a.ancestors ?? [];
    const bAnc = lex.regions.get(b.ref ?? "")?.ancestors ?? b.ancestors ?? [];
    if (aAnc.includes(b.ref ?? "")) return -1;
    if (bAnc.includes(a.ref ?? "")) return 1;
    return b.start - a.start;
  })[0];
}

/** The mentions inside each section's heading, by section path (built once per document). */
function headingMentions(ctx: RecognitionContext, mentions: Mention[]): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const m of mentions) {
    const sentence = ctx.sentences[m.sentence];
    if (!sentence?.isHeading) continue;
    const section = ctx.sections.get(sentence.section);
    if (!section || m.start < section.headingStart || m.end > section.headingEnd) continue;
    out.set(section.path, [...(out.get(section.path) ?? []), m]);
  }
  return out;
}

function headingScope(
  ctx: RecognitionContext,
  headings: Map<string, Mention[]>,
  sentencePath: string,
  label: Mention["label"],
): Mention[] {
  for (let p = sentencePath; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    const section = ctx.sections.get(p);
    if (section && section.number !== "" && (section.depth >= 2 || !/、$/u.test(section.number))) {
      const found = (headings.get(p) ?? []).filter((m) => m.label === label);
      if (found.length > 0) return found;
    }
    if (!p.includes(".")) break;
  }
  return [];
}

/** Verbs that make a region the subject of a sentence (川南经济区抓好…, 攀西经济区加快建设…). */
const SUBJECT_VERB =
  /^(要|将|在|也要|还要|重点|着力|加快|大力|积极|全力|协同|抓好|推进|推动|建设|打造|发展|培育|做强|做大|建成|实施|围绕|聚焦|依托|强化|加强|深化|坚持|持续|主动|率先|共建|携手|承接|突出|优化|提升|，|：)/u;
/** Verbs that make a region the object of attention, not the place designated (紧盯北京大力发展…, 对接雄安…). */
const WATCHED = /(紧盯|对接|借助|学习|跟踪|瞄准|借鉴|服务|融入|承接)$/u;
/** Development verbs before an industry that a sentence's subject region is designated to build up. */
const DEVELOP_VERB =
  /(发展|培育|壮大|做强|做大|做优|打造|布局|建设|聚焦|围绕|振兴|提升|引进|集聚|延伸|拓展|推动|支持)[^，。；]{0,12}$/u;

/** The region a sentence is about: a region mention at its start (after an item number) followed by a verb, not by another name. */
function subjectRegion(text: string, sentenceStart: number, regions: Mention[]): Mention | undefined {
  const first = regions[0];
  if (!first) return undefined;
  const lead = text.slice(sentenceStart, first.start);
  if (
    !/^(第[一二三四五六七八九十]+，|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[．.、])?$/u.test(
      lead,
    )
  )
    return undefined;
  const after = text.slice(first.end, first.end + 6);
  return SUBJECT_VERB.test(after) && !/^(协同发展|一体化|高质量发展)/u.test(after) ? first : undefined;
}

/** Relations read from the text: containment in names and adjacency, sentence-level SUPPORTS and TARGETS cues, enumerations, and heading scope. */
export function recognizeRelations(ctx: RecognitionContext, lex: Lexicon, mentions: Mention[]): RelationMention[] {
  const { text } = ctx;
  const out: RelationMention[] = [];
  const add = (type: RelationMention["type"], source: Mention, target: Mention, sentence: number, cue: string) => {
    if (source === target || (source.label === target.label && source.name === target.name)) return;
    out.push({ type, source, target, sentence, cue, via: "text" });
  };
  const sentences = bySentence(mentions);
  const headings = headingMentions(ctx, mentions);
  for (const [si, list] of sentences) {
    const sentence = ctx.sentences[si]!;
    const rs = list.filter((m) => m.label === "Region");
    const ps = list.filter((m) => m.label === "Project");
    const is = list.filter((m) => m.label === "Industry");
    const gs = list.filter((m) => m.label === "Goal");

    // Region → region: a place written right after its parent (河北雄安新区, 唐山曹妃甸区).
    for (const r of rs) {
      const next = rs.find((x) => x.start === r.end);
      if (
        next &&
        (next.ref?.startsWith("pattern:") || (lex.regions.get(next.ref ?? "")?.ancestors ?? []).includes(r.ref ?? ""))
      )
        add("LOCATED_IN", next, r, si, "adjacent");
    }

    // Project → region: a place in the name, right before it, shared along a list, or the sentence's subject.
    const subject = subjectRegion(text, sentence.start, rs);
    let previous: { project: Mention; region?: Mention } | undefined;
    for (const p of ps) {
      const own = rs.filter((r) => inside(r, p));
      const before = rs.find(
        (r) => r.end === p.start || /^(的|建设|打造|创建|争创|建成)$/u.test(text.slice(r.end, p.start)),
      );
      let region = own.length > 0 ? deepest(lex, own) : before;
      const listed = previous && /^(、|和|及|与)$/u.test(text.slice(previous.project.end, p.start));
      if (!region && listed && previous?.region) region = previous.region;
      const bySubject = !region && subject && subject.end <= p.start ? subject : undefined;
      if (bySubject) add("LOCATED_IN", p, bySubject, si, "sentence subject");
      if (region) add("LOCATED_IN", p, region, si, own.length > 0 ? "in name" : before ? "before name" : "listed with");
      // The place of a project is designated for the industry its name carries (张家口 … 氢能产业示范城市).
      if (region && !inside(region, p))
        for (const i of is) if (inside(i, p)) add("TARGETS", region, i, si, "project of the place");
      previous = { project: p, region };
      // Project → industry: the industry in the name, or one a support verb after the project names.
      for (const i of is) {
        if (inside(i, p)) add("SUPPORTS", p, i, si, "in name");
        else if (i.start >= p.end) {
          const between = text.slice(p.end, i.start);
          const otherProject = ps.some((q) => q !== p && q.start >= p.end && q.end <= i.start);
          if (!otherProject && SUPPORT_CUE.test(between) && between.length <= 30)
            add("SUPPORTS", p, i, si, SUPPORT_CUE.exec(between)![0]);
        }
      }
      // Project → goal later in the same sentence, unless the sentence lists many projects or the goal is to build them.
      for (const g of gs)
        if (g.start >= p.end && !inside(p, g) && !ps.some((q) => inside(q, g)) && ps.length <= 3)
          add("SUPPORTS", p, g, si, "same sentence");
      // Infrastructure → the travel-time circle the sentence builds with it (京雄城际…，打造“一小时交通圈”).
      for (const q of ps) {
        if (q.start <= p.end || p.props?.kind !== "infrastructure" || !/圈$/u.test(q.name)) continue;
        const between = text.slice(p.end, q.start);
        if (BUILD_CUE.test(between.replace(/[，,、\s“]+$/u, "")) && !/[。；]/u.test(between))
          add("SUPPORTS", p, q, si, "builds");
      }
    }
    // Industry → goal it is named in; region → goal it is the subject, place or home region of.
    for (const g of gs) {
      for (const i of is)
        if (inside(i, g) || (i.start === g.start && i.end <= g.end)) add("SUPPORTS", i, g, si, "in goal");
      for (const r of rs) {
        if (r.start < g.start || r.end > g.end) continue;
        const at = r.start - g.start;
        const atEnd = r.end === g.end || /^[、”和]/u.test(text[r.end] ?? "");
        // 在 + region inside a goal clause names the place of the goal (在雄安新区实现…).
        const locative = /在$/u.test(text.slice(g.start, r.start));
        const home = r.ref !== undefined && r.ref === ctx.planRegion;
        const modifier = at <= 1 && !atEnd && !locative && !home && !SUBJECT_VERB.test(text.slice(r.end, r.end + 2));
        if ((at <= 1 && !modifier) || atEnd || locative || home)
          add("TARGETS", r, g, si, at <= 1 ? "subject" : locative ? "place" : "named in goal");
      }
    }
    // A region leading the sentence (河北要…, 到2035年，雄安新区…) targets the goals after it.
    const lead = rs[0];
    if (
      lead &&
      lead.start - sentence.start <= 12 &&
      /^(要|将|在|也要|还要|，|：)/u.test(text.slice(lead.end, lead.end + 2))
    ) {
      for (const g of gs) if (g.start > lead.end) add("TARGETS", lead, g, si, "sentence subject");
    }
    // The sentence's subject region targets the industries the sentence develops.
    if (subject)
      for (const i of is)
        if (
          i.start > subject.end &&
          !ps.some((p) => inside(i, p)) &&
          DEVELOP_VERB.test(text.slice(sentence.start, i.start))
        )
          add("TARGETS", subject, i, si, "sentence subject");
    // A region right before an industry list (成渝地区汽车、智能制造…), or before a designating verb, targets them.
    for (const r of rs) {
      const listed = is.filter((i) => i.start >= r.end && !ps.some((p) => inside(i, p)));
      if (listed[0]?.start === r.end || listed[0]?.start === r.end + 0) {
        const run = [listed[0]!];
        for (const i of listed.slice(1)) {
          if (!/^[、和及与]$|^以及$/u.test(text.slice(run[run.length - 1]!.end, i.start))) break;
          run.push(i);
        }
        const [head] = run;
        if (head && head.start === r.end) for (const i of run) add("TARGETS", r, i, si, "place of the list");
      }
      const after = text.slice(r.end, r.end + 6);
      if (!TARGET_VERB.test(after) || WATCHED.test(text.slice(Math.max(sentence.start, r.start - 4), r.start)))
        continue;
      const clauseEnd = text.slice(r.end).search(/[，。；]/u);
      const limit = clauseEnd < 0 ? sentence.end : r.end + clauseEnd;
      for (const i of is)
        if (i.start > r.end && i.end <= limit && !ps.some((p) => inside(i, p)))
          add("TARGETS", r, i, si, TARGET_VERB.exec(after)![0]);
    }
    // Heading scope: projects under a numbered heading that names an industry support it; an event article's items support the event.
    if (!sentence.isHeading) {
      for (const p of ps)
        for (const h of headingScope(ctx, headings, sentence.section, "Industry"))
          add("SUPPORTS", p, h, si, "heading scope");
      const [event, ...others] = headingScope(ctx, headings, sentence.section, "Project");
      if (event && others.length === 0 && event.props?.kind === "event") {
        for (const p of ps) if (p.name !== event.name) add("SUPPORTS", p, event, si, "heading scope");
        for (const g of gs) add("SUPPORTS", event, g, si, "heading scope");
      }
    }
  }
  // Project → goal that names the project (中国（河北）自由贸易试验区建设取得明显成效), found in one pass over all goals.
  const cores = new Map<string, Mention[]>();
  for (const p of mentions)
    if (p.label === "Project") {
      const core = p.name.replace(/[“”]/gu, "").replace(/(建设)?(行动|工程|计划)$/u, "");
      if (core.length >= 4) cores.set(core, [...(cores.get(core) ?? []), p]);
    }
  const named = new AhoCorasick([...cores.keys()]);
  for (const g of mentions)
    if (g.label === "Goal")
      for (const { keyword } of named.matchInText(g.name.replace(/[“”]/gu, "")))
        for (const p of cores.get(keyword)!) add("SUPPORTS", p, g, g.sentence, "named in goal");
  return out;
}

/** Region → Region containment for one plan: each mentioned region to its nearest mentioned ancestor (division list or name prefix), else sub-provincial zones to the plan's own region; regions the text already places (`placedInText`, by lexicon key) are left alone. */
export function regionContainment(
  lex: Lexicon,
  regions: Mention[],
  planRegion?: string,
  placedInText: Set<string> = new Set(),
): RelationMention[] {
  const firstByKey = new Map<string, Mention>();
  for (const r of regions) if (r.ref && !firstByKey.has(r.ref)) firstByKey.set(r.ref, r);
  const out: RelationMention[] = [];
  for (const [key, r] of firstByKey) {
    if (placedInText.has(key)) continue;
    const ancestors = lex.regions.get(key)?.ancestors ?? r.ancestors ?? [];
    let parent = ancestors.find((a) => firstByKey.has(a));
    const bare = r.name.replace(/地区$/u, "");
    const compound = bare.length >= 3 && [...bare].every((c) => lex.abbreviationChars.has(c));
    if (
      !parent &&
      !compound &&
      planRegion &&
      key !== planRegion &&
      firstByKey.has(planRegion) &&
      key.startsWith("pattern:") &&
      PATTERN_HEADS_IN_PLAN.test(r.name)
    )
      parent = planRegion;
    if (parent && parent !== key)
      out.push({
        type: "LOCATED_IN",
        source: r,
        target: firstByKey.get(parent)!,
        sentence: r.sentence,
        cue: "divisions",
        via: "divisions",
      });
  }
  return out;
}
