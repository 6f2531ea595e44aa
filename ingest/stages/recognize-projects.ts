// Stage recognise projects: programmes, named infrastructure, parks and zones, events, and quoted names used as projects.
import type { Lexicon } from "../lexicon/index.ts";
import { listItems } from "../text/lists.ts";
import { phraseStart } from "../text/phrase-start.ts";
import { taggedWords } from "../text/words.ts";
import { bySentence, hitsIn, sentenceAt } from "../text/spans.ts";
import type { Mention, RecognitionContext } from "../types.ts";
import { longestFirst } from "./recognize-regions.ts";

/** Project heads by kind, longest first within each alternation; `needsName` heads count only with a name before them. */
const HEADS: { kind: string; pattern: string; needsName: boolean }[] = [
  {
    kind: "programme",
    pattern:
      "专项行动|三年行动|攻坚行动|提升行动|示范创建行动|试点示范|工程|行动|计划|改革试验(?!区)|培育方案|专项(?!资金|债|规划|行动)|试点",
    needsName: false,
  },
  { kind: "activity", pattern: "活动", needsName: true },
  {
    kind: "platform",
    pattern:
      "自由贸易试验区|自由贸易港|自贸区|自贸港|综合保税区|保税区|试验区|示范区|先行区|实验区|先导区|示范城市|自由港|产业园区|工业园区|示范园区|园区|产业园|工业园|科技园|示范园|科学城|科技城|产业基地|示范基地|基地|交易中心|服务中心|创新中心|科学中心|中心|实验室|研究院|协作带|产业带|农业带|示范工厂|试验场|资源库",
    needsName: true,
  },
  {
    kind: "infrastructure",
    pattern:
      "城际铁路|高速铁路|高速公路|国际机场|综合交通枢纽|交通圈|通勤圈|调蓄库|水库|高铁|铁路|城际|高速|机场|枢纽|管线|通道|大桥|港|钢厂|工厂|公园|广场|装置|试验堆",
    needsName: true,
  },
  {
    kind: "event",
    pattern: "冬残奥会|残奥会|冬奥会|奥运会|博览会|交易会|洽谈会|论坛|峰会|运动会|测试赛|大会",
    needsName: false,
  },
];
/** Any project head, with one capture group per kind (which group matched tells the kind). */
const HEAD_RE = new RegExp(HEADS.map((h) => `(${h.pattern})`).join("|"), "gu");
/** A project head at the end of a phrase (…产业协作带, …高铁): the head a list shares. */
const HEAD_RE_END = new RegExp(`(${HEADS.map((h) => h.pattern).join("|")})$`, "u");
/** Words after an infrastructure head that belong to its name (荣乌高速新线一期). */
const HEAD_SUFFIX =
  /^(新线|一期|二期|三期|四期|复线|支线|延长线|改扩建|扩建|提升改造|[\u4e00-\u9fff]{2,3}段(?![\u4e00-\u9fff]))+/u;
/** Heads of designated zones and facilities that a purpose alone can name (承接产业转移创新发展示范区, 综合性科学中心). */
const DESIGNATION =
  /^(试验区|示范区|先行区|实验区|先导区|示范园区|示范园|示范基地|科学城|科技城|交易中心|创新中心|科学中心|中心|实验室|研究院|协作带|产业带|农业带|示范工厂|试验场|资源库|装置|试验堆|公园|综合交通枢纽)$/u;
/** Programme names made of an area and a nominal action, generic words though they are (乡村建设行动, 质量提升行动). */
const ACTION_PROGRAMME = /^[\u4e00-\u9fff]{2,6}(建设|提升|振兴|改造|更新|整治|治理|保护|攻坚|创建|培育)$/u;
/** Heads of parks, ports and venues that a local proper name (a township, a company) can name: 鸦鹊岭工业园, 姚家港. */
const PROPER_HEAD = /^(产业园区|工业园区|园区|产业园|工业园|科技园|港|机场|高速|大桥|水库|枢纽|广场|公园)$/u;
/** Infrastructure that two or three place initials name (荣乌高速, 渝昆高铁). */
const ROUTE_HEAD = /^(城际铁路|高速铁路|高速公路|高铁|铁路|城际|高速)$/u;

/** Prefixes that say which kind of project, not which project (重点工程, 民生项目, 国家级示范区). */
const GENERIC_PREFIX =
  /^(重大|重点|市政|水利|基础设施|公共|民生|相关|各项|各类|一批|交通|生态|环保|配套|建设|系列|专项|若干|有关|其他|这些|上述|骨干|国家|省级|市级|县级|国家级|省级以上|大型|小型|新型|传统|现代|城市|农村|乡村|重要|主要|中小|各地|本地|示范|试点|改革|发展|创新|工作|行动|项目|年度|五年|三年|全面|一流|科技|文化|体育|医疗|教育|卫生|数据|信息|物流|商贸|研发|服务|培训|孵化|检测|体验|展示|交易|创业|就业|养老|社区|党群|新时代文明实践|双创|综合|区域性|国际|全国|全省|全市)+$/u;
/** Words after a quoted phrase that make it a slogan or doctrine, not a project (“三六八九”工作思路). */
const SLOGAN_AFTER =
  /^(功能定位|定位|战略|理念|思路|工作思路|意识|自信|维护|精神|要求|原则|方针|方略|作风|问题|制度|改革|工作|任务|部署|目标|路径|体系|机制|模式|格局|攻坚战|主线|总基调|品牌|效应|引领|政策|重要|总要求|大局|大事|行动计划纲要|答卷|质量|标准|底线|红线|发展)/u;
/** Words after a head that make it part of another noun (中心城市, 工程项目, 基地建设者). */
const NOT_AFTER_HEAD = /^(群|项目|建设者|体系|规划|条件|机制|制度|类|化|城市|资金|装备|机械|技术|师|研究|新区)/u;
/** Openings that make a name national or international (国家, 中国, 国际): a named project even without a place. */
const NAMED_START = /^(中国|中华|国家|国际|世界|全国|亚洲|亚太|东北亚|中外|[东西南北中]部)/u;
/** Words after a quoted phrase that make it a project (“千年秀林”建设, “四好农村路”工程). */
const PROJECT_AFTER_QUOTE = /^(建设|活动|行动|工程|计划|品牌培育|试点|项目)/u;
/** Verbs before a quoted phrase that make it a project (打造“千年秀林”, 实施“上云用数赋智”行动). */
const PROJECT_BEFORE_QUOTE = /(打造|建设|规划建设|实施|开展|启动|推进|举办|筹办|建成|创建|培育|争创)$/u;
/** A project named inside a longer phrase and then built up (中国（绵阳）科技城建设科技创新先行示范区). */
const INNER_PROJECT = new RegExp(`(${HEADS.map((h) => h.pattern).join("|")})(建设|打造|创建|争创)`, "gu");

function projectMention(
  name: string,
  start: number,
  end: number,
  sentence: number,
  kind: string,
  rule: string,
): Mention {
  const aliases: string[] = [];
  // A count before the name is not part of it (20项民心工程 → 民心工程, alias kept).
  const quantity =
    /^([0-9一二三四五六七八九十百千]+[项个大批条]|20[0-9]{2}年|第?[0-9一二三四五六七八九十]+届)(.+)$/u.exec(name);
  if (quantity && quantity[2]!.length >= 3 && !/^[0-9一二三四五六七八九十百千万“”]/u.test(quantity[2]!)) {
    aliases.push(name);
    name = quantity[2]!;
    start += quantity[1]!.length;
  }
  return { label: "Project", name, aliases, start, end, sentence, props: { kind }, rule };
}

/** Whether a short prefix is a proper noun by jieba's tags (a place, person, organisation or other proper name), not a common word. */
function properNoun(prefix: string): boolean {
  if (prefix.length < 2 || prefix.length > 4) return false;
  const tags = taggedWords(prefix);
  return tags.length <= 2 && tags.every((t) => /^(ns|nr|nrt|nz|nt)$/u.test(t.tag));
}

function kindOf(groups: (string | undefined)[]): { kind: string; needsName: boolean } {
  const i = groups.findIndex((g) => g !== undefined);
  return HEADS[i] ?? HEADS[0]!;
}

/** Where a project name starts, moved past a place that the sentence builds it in and past an inner project plus verb. */
function nameStart(ctx: RecognitionContext, start: number, headStart: number): number {
  const { text } = ctx;
  const verbBeforePlace = hitsIn(ctx.hits.regions, start, headStart).find(
    (r) => r.begin >= 2 && /(建设|打造|推进|发展|培育|支持|推动)$/u.test(text.slice(start, start + r.begin)),
  );
  if (verbBeforePlace) start += verbBeforePlace.begin;
  const subject = hitsIn(ctx.hits.regions, start, headStart).find(
    (r) => r.begin === 0 && /^(建设|打造|创建|争创|发展|建成)/u.test(text.slice(start + r.end, headStart)),
  );
  if (subject) {
    const verb = /^(建设|打造|创建|争创|发展|建成)/u.exec(text.slice(start + subject.end, headStart))![0];
    if (headStart - (start + subject.end + verb.length) >= 2) start += subject.end + verb.length;
  }
  for (const inner of text.slice(start, headStart).matchAll(INNER_PROJECT)) {
    const after = start + inner.index + inner[0].length;
    if (headStart - after >= 2 && inner.index >= 2) return after;
  }
  return start;
}

/** Names that end in a project head (…工程, …示范区, …高铁, …博览会), with the name rules of each kind of head. */
function headNames(ctx: RecognitionContext, lex: Lexicon, regions: Mention[]): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  const regionsIn = bySentence(regions);
  const regionInside = (s: number, e: number) =>
    (regionsIn.get(sentenceAt(ctx.sentences, s)) ?? []).some((r) => r.start >= s && r.end <= e) ||
    hitsIn(ctx.hits.regions, s, e).some((m) => lex.regionForms.get(m.keyword)?.some((f) => f.policy === "anywhere"));
  for (const m of text.matchAll(HEAD_RE)) {
    const head = m[0];
    const headStart = m.index;
    const headEnd = headStart + head.length;
    if (NOT_AFTER_HEAD.test(text.slice(headEnd, headEnd + 3)) || (!ctx.words[headEnd] && head.length <= 2)) continue;
    const sentence = sentenceAt(ctx.sentences, headStart);
    if (sentence < 0) continue;
    const floor = ctx.sentences[sentence]!.start;
    const { kind, needsName } = kindOf(m.slice(1));
    let start = phraseStart(text, headStart, floor, ctx.words, 22, true);
    if (/^[型性]/u.test(text.slice(start, headStart)) && start > floor)
      start = phraseStart(text, start - 1, floor, ctx.words, 4);
    if (text.slice(Math.max(floor, start - 2), start) === "全国") start -= 2;
    const prefix = text.slice(start, headStart);
    const programme = kind === "programme" && /(行动|工程|计划)$/u.test(head) && ACTION_PROGRAMME.test(prefix);
    if (
      prefix.length < 2 ||
      (GENERIC_PREFIX.test(prefix.replace(/[“”]/gu, "")) && !programme) ||
      /第.{1,4}届/u.test(prefix)
    )
      continue;
    if (kind === "event" && (prefix.length < 3 || /周年|庆祝|纪念/u.test(prefix))) continue;
    const bare = prefix.replace(/[“”]/gu, "");
    // A name makes a generic head specific: quotes, a place, a national opening, place initials (京雄城际).
    const named =
      /[“”]/u.test(prefix) ||
      regionInside(start, headStart) ||
      (NAMED_START.test(prefix) && prefix.length >= 5) ||
      (kind === "infrastructure" && prefix.length <= 4 && [...prefix].every((c) => lex.abbreviationChars.has(c))) ||
      (ROUTE_HEAD.test(head) &&
        prefix.length <= 3 &&
        [...prefix].every((c) => lex.placeInitials.has(c)) &&
        !taggedWords(prefix).some((t) => t.word.length >= 2 && /^(n|s|f|v|a|vn|ad|d)$/u.test(t.tag)));
    const designated = DESIGNATION.test(head) && (bare.length >= 5 || (head.length >= 4 && bare.length >= 3));
    const properName = !named && needsName && PROPER_HEAD.test(head) && properNoun(bare);
    if (/(一批|若干|一些|各类)$/u.test(text.slice(Math.max(floor, start - 4), start))) continue;
    if (/(自觉|统一|共同|一致|实际|具体|联合)$/u.test(prefix) && /行动$/u.test(head)) continue;
    if (needsName && !named && !designated && !properName) continue;
    if (head === "园" && !named) continue;
    start = nameStart(ctx, start, headStart);
    if (/(重大|重点)$/u.test(text.slice(start, headStart))) continue;
    const conj = text[start - 1];
    if ((conj === "和" || conj === "与" || conj === "及") && ctx.words[start - 1]) {
      const l = phraseStart(text, start - 1, floor, ctx.words, 22, true);
      const left = text.slice(l, start - 1);
      const leftHead = HEAD_RE_END.exec(left)?.[0];
      if (
        left.length >= 2 &&
        !GENERIC_PREFIX.test(left) &&
        !lex.regionForms.has(left) &&
        (!leftHead || (kind === "event" && leftHead.endsWith("会") && head.endsWith("会")))
      )
        start = l;
    }
    const suffix = kind === "infrastructure" ? (HEAD_SUFFIX.exec(text.slice(headEnd, headEnd + 8))?.[0] ?? "") : "";
    const openQuote = (prefix.match(/“/gu)?.length ?? 0) > (prefix.match(/”/gu)?.length ?? 0);
    const end = openQuote && text[headEnd] === "”" ? headEnd + 1 : headEnd + suffix.length;
    const rule = named || !designated ? "project/head" : "project/designation";
    const mention = projectMention(text.slice(start, end), start, end, sentence, kind, rule);
    // A name that is only a quotation (“千年秀林”工程) is also known by the quotation alone.
    const quotedOnly = /^“([^“”]+)”$/u.exec(prefix);
    if (quotedOnly) mention.aliases!.push(quotedOnly[1]!);
    out.push(mention);
  }
  return out;
}

/** Quoted names used as projects: a project cue before or after the quote (打造“千年秀林”, “四好农村路”建设). */
function quotedNames(ctx: RecognitionContext, regions: Mention[]): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  const regionsIn = bySentence(regions);
  for (const m of text.matchAll(/“([^“”]{2,16})”/gu)) {
    const inner = m[1]!;
    const start = m.index;
    const end = start + m[0].length;
    const sentence = sentenceAt(ctx.sentences, start);
    if (
      sentence < 0 ||
      /十[三四五]五|[0-9]{4}|[、，]/u.test(inner) ||
      !/[\u4e00-\u9fff]{2}/u.test(inner.replace(/[一二三四五六七八九十百千万两]/gu, ""))
    )
      continue;
    const after = text.slice(end, end + 8);
    if (SLOGAN_AFTER.test(after) || /(高地|高峰|样板|标杆|名片|之城|之都|之乡)$/u.test(inner)) continue;
    if (/^[一二三四五六七八九十两]+[个位大项条]/u.test(inner) && !PROJECT_AFTER_QUOTE.test(after)) continue;
    const near = regionsIn.get(sentence) ?? [];
    if (near.some((r) => r.ref === ctx.planRegion && r.start > start && r.end < end)) continue;
    const regionBefore = near.find((r) => r.end === start);
    const before = text.slice(
      Math.max(ctx.sentences[sentence]!.start, (regionBefore?.start ?? start) - 6),
      regionBefore?.start ?? start,
    );
    const listTail = text.slice(end).replace(/^(、“[^“”]{1,16}”)+/u, "");
    // A quotation is a project only with a cue before or after it (打造“千年秀林”; “四好农村路”建设).
    const cue =
      PROJECT_AFTER_QUOTE.test(after) || PROJECT_BEFORE_QUOTE.test(before) || PROJECT_AFTER_QUOTE.test(listTail);
    if (!cue) continue;
    out.push({
      label: "Project",
      name: inner,
      aliases: [m[0]],
      start,
      end,
      sentence,
      props: { kind: "named" },
      rule: "project/quoted",
    });
  }
  return out;
}

/** Shortened fair names and travel-time circles (廊坊“5·18”经洽会, 1小时交通圈). */
function fairsAndCircles(ctx: RecognitionContext): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const m of text.matchAll(
    /(洽会|博会|交会|服会)|(?:半|[一二三四五六七八九十两0-9]{1,3})小时(?:交通|通勤|生活|经济)圈/gu,
  )) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence < 0 || !ctx.words[m.index + m[0].length]) continue;
    const start = m[1] ? phraseStart(text, m.index, ctx.sentences[sentence]!.start, ctx.words, 4) : m.index;
    if (m[1] && (m.index - start < 1 || /^(届|第)/u.test(text.slice(start, m.index)))) continue;
    const end = m.index + m[0].length;
    const kind = m[1] ? "event" : "infrastructure";
    out.push(projectMention(text.slice(start, end), start, end, sentence, kind, "project/fair-or-circle"));
  }
  return out;
}

/** The items of a counted project list (甲、乙等30个重点项目) and extended roads and rail lines (复兴路西延, 轨道交通资阳线). */
function listedAndLines(ctx: RecognitionContext): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const m of text.matchAll(/等[0-9一二三四五六七八九十百千]+[项个](?:重点|重大|产业|省市|市级)*项目/gu)) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence < 0) continue;
    for (const item of listItems(text, m.index, ctx.sentences[sentence]!.start, ctx.words, 16))
      if (item.end - item.start >= 3)
        out.push(
          projectMention(text.slice(item.start, item.end), item.start, item.end, sentence, "project", "project/list"),
        );
  }
  // Roads extended (复兴路西延) and numbered rail lines (轨道交通资阳线, 地铁3号线).
  const lines =
    /([\u4e00-\u9fff]{1,5}(?:路|大街|大道|[一二三四东西南北]环))([东西南北])(延伸|延线|延)|(?:轨道交通|地铁|轻轨|市域铁路)[\u4e00-\u9fff0-9]{1,5}?号?线(?![\u4e00-\u9fff])/gu;
  for (const m of text.matchAll(lines)) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence < 0) continue;
    const start = m[1]
      ? phraseStart(text, m.index + m[1].length, ctx.sentences[sentence]!.start, ctx.words, 8)
      : m.index;
    const end = m.index + m[0].length;
    out.push(projectMention(text.slice(start, end), start, end, sentence, "infrastructure", "project/line"));
  }
  return out;
}

/**
 * Lists that share one head: 成渝中线、渝西等高铁 (the head after 等) and 成德临港经济、成资临空经济产业协作带 (the head of
 * the last item, when the bare items open with two place initials): every bare item becomes a project of its own with
 * the head, and keeps its bare form as an alias.
 */
function sharedHeads(ctx: RecognitionContext, lex: Lexicon, found: Mention[]): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const m of text.matchAll(/等([\u4e00-\u9fff]{1,6})/gu)) {
    const head = HEAD_RE_END.exec(m[1]!)?.[0];
    if (!head || head.length !== m[1]!.length || !ROUTE_HEAD.test(head) || head === "城际") continue;
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence < 0) continue;
    const items = listItems(text, m.index, ctx.sentences[sentence]!.start, ctx.words, 6);
    if (items.length < 2) continue;
    for (const item of items)
      out.push({
        ...projectMention(
          text.slice(item.start, item.end) + head,
          item.start,
          item.end,
          sentence,
          "infrastructure",
          "project/shared-head",
        ),
        aliases: [text.slice(item.start, item.end)],
      });
  }
  const foundIn = bySentence(found);
  for (const last of found) {
    const sentence = ctx.sentences[last.sentence]!;
    if (text[last.start - 1] !== "、" || last.name.length > 16) continue;
    const head = HEAD_RE_END.exec(last.name)?.[0];
    if (!head) continue;
    // The shared head: the last item's head, with 产业/经济/发展 before it when there is one (…产业协作带).
    const shared =
      /(产业|经济|发展)$/u.test(last.name.slice(0, -head.length)) && ROUTE_HEAD.test(head) === false
        ? /(产业|经济|发展)$/u.exec(last.name.slice(0, -head.length))![0] + head
        : head;
    const items = listItems(text, last.start - 1, sentence.start, ctx.words, 10);
    for (const item of items) {
      const bare = text.slice(item.start, item.end);
      if (
        bare.length < 2 ||
        !lex.abbreviationChars.has(bare[0]!) ||
        !lex.abbreviationChars.has(bare[1]!) ||
        HEAD_RE_END.test(bare) ||
        (foundIn.get(last.sentence) ?? []).some((f) => f.start <= item.start && f.end >= item.end)
      )
        continue;
      out.push({
        ...projectMention(
          bare + shared,
          item.start,
          item.end,
          last.sentence,
          String(last.props?.kind ?? "project"),
          "project/shared-head",
        ),
        aliases: [bare],
      });
    }
  }
  return out;
}

/** Lists project mentions; `regions` are the region mentions already found, which make a generic head (中心, 基地, 港) a named one. */
export function recognizeProjects(ctx: RecognitionContext, lex: Lexicon, regions: Mention[]): Mention[] {
  const found = longestFirst([
    ...headNames(ctx, lex, regions),
    ...quotedNames(ctx, regions),
    ...fairsAndCircles(ctx),
    ...listedAndLines(ctx),
  ]);
  return longestFirst([...found, ...sharedHeads(ctx, lex, found)]);
}
