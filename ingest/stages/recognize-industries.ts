// Stage recognise industries: catalogue terms in an industry context, head morphology (…产业, …经济, …业), lists read as a whole, quoted names.
import type { Lexicon } from "../lexicon/index.ts";
import { listItems, type ListItem } from "../text/lists.ts";
import { phraseStart, stopWordAt } from "../text/phrase-start.ts";
import { bySentence, hitsIn, sentenceAt } from "../text/spans.ts";
import { taggedWords } from "../text/words.ts";
import type { Mention, RecognitionContext } from "../types.ts";
import { longestFirst } from "./recognize-regions.ts";

/** Heads that end an industry name: 新材料产业, 数字经济, 现代服务业, 全域旅游, 现代高原特色农牧业. */
const HEAD = /(产业链|产业集群|产业|行业|服务业|制造业|农牧业|畜牧业|种植业|养殖业|农业|工业|经济|旅游)/gu;
/** What may follow a catalogue term and still make it an industry name (氢能 + 产业). */
const SUFFIX = /^(产业链|产业集群|产业|行业|服务业|服务|业|经济)/u;
/** Words after a head that make it part of another noun (产业体系, 经济增长, 行业协会): not an industry name. */
const NOT_INDUSTRY_AFTER =
  /^(体系|结构|基础|布局|政策|转移|升级|转型|链供应链|化|门类|工人|工作|发展方式|形态|格局|循环|增长|运行|社会|总量|实力|效益|质量|秩序|安全|领域|部门|主体|组织|协会|监管|发展水平|强省|强市|强国|大省|大市|强区|技术|手段|平台|设施|网络|应用|融合|赋能|企业|人才|标准|指标|增速|增加值|运行|活动|总产值|产值|比重|占比|规模|营收|收入|用地|投资|景区|线路|人次|名镇|名村|产品|资源|市场|消费|公路|项目)/u;
/** Broad sectors that count on their own when a sentence develops them (把着力点放在制造业上, 推动服务业提质). */
const SECTOR = /^(制造业|服务业|农业|工业|旅游业|建筑业|农牧业|畜牧业|渔业|林业)$/u;
/** Words after a broad sector that make it part of another term (农业农村, 农业现代化, 工业互联网). */
const SECTOR_NOT_AFTER =
  /^(农村|现代化|互联网|设计|用地|园区|企业|态|强国|强省|强市|大省|大市|比重|增加值|投资|产值|总产值|生产总值|经济)/u;
/** Words after a head that make the phrase a park, zone or partnership rather than an industry (产业园, 产业示范城市). */
const PROJECT_AFTER =
  /^(园|基地|示范|集聚区|集聚带|聚集区|协作带|共建|伙伴|合作|走廊|产业园|产业示范|产业基地|产业集聚|产业强镇|产业融合)/u;
/** Firms or people named after a list of industries (等数字经济、生物经济领军企业): the items are companies, not industries. */
const FIRMS_AFTER = /(领军|龙头|骨干|知名|头部|重点|领先)?(企业|公司|集团|人才|团队)/u;
/** Heads of non-industry lists (消费新模式, 公共服务, 民生事业): catalogue terms in them are not named as industries. */
const NOT_INDUSTRY_LIST = /^等?[\u4e00-\u9fff]{0,6}(消费|公共服务|民生|事业|公共)/u;
/** Words after a known industry (氢能产业增加值, 数字经济核心产业比重) that make the phrase a measure or a body, not the industry itself; anything else after a known industry (氢能规模化应用, 氢能产业布局) leaves it an industry. */
const METRIC_AFTER =
  /^(增加值|比重|占比|总产值|产值|营收|营业收入|收入|增速|投资|用地|企业|人才|工人|协会|标准|指标|核心产业|规模以上)/u;
/** Verbs right before a catalogue term that make it an industry without a suffix (发展 + 储能). */
const INDUSTRY_VERB =
  /(发展|培育|壮大|布局|做强|做大|做优|打造|振兴|引进|集聚|聚焦|发展壮大|培育壮大|做大做强|延伸|拓展|推动|支持|提升|改造提升|抓好|推进)$/u;
/** Leading words that are not part of the name (重点 新材料产业 → 新材料产业). */
const LEADING_GENERIC =
  /^(重大|重点|主要|各类|一批|若干|新兴|传统|优势|特色|国家级|国家|省级以上|省级|市级以上|市级|县级)+/u;
/** Counting words left in front of a head (个产业, 家企业): the phrase is not a name. */
const QUANTITY_RESIDUE = /^(个|家|项|名|批|座|条|地|的|得|之|百家|千家|万家)/u;
/** Modifiers that say which industries, not what industry (重点产业, 传统产业, 主导产业). */
const GENERIC_MODIFIER =
  /^(重点|主导|优势|特色|特色优势|支柱|传统|相关|其他|各类|新兴|地方|本地|全省|全市|我省|我市|重大|现代|国家|重要|全球|新|主要|首位|接续|战略性|区域|各|多|首批|首个|一批|关联|配套|上下游|本土|存量|落后|过剩|低效|新型|基础|优质|骨干|龙头|大型|中小|民营|外资|国有|先导性|支柱性|先导性和支柱性|战略性全局性|领域全|全|符合未来|成长型|支柱型|劳动密集型|资源型|高耗能|高排放|两高)$|级$|型$/u;
/** A count and modifier between 等 and a list's head (等12大主导产业, 等原材料产业, 等前沿科技和产业变革领域). */
const LIST_HEAD =
  /^等(?:[0-9一二三四五六七八九十百]+(?:个|大|项|类|条|种)?)?([\u4e00-\u9fff]{0,10}?)(产业链|产业集群|新兴产业|产业|行业|服务业|制造业|经济|领域)/u;
/** What may follow a list head when the items are not industries but projects, parks or people (等产业项目, 等行业人才). */
const NOT_INDUSTRY_LIST_AFTER =
  /^([\u4e00-\u9fff]{0,2}(项目|人才|园区|基地|平台|工人|公司|协会|部门)|技术|体系|基础|政策|标准|组织|工作|收费|用地)/u;
/** Words in or after a 领域 head that show the fields are industries (前沿科技和产业变革领域, 等领域全产业链). */
const INDUSTRY_FIELD = /(产业|制造|经济|装备|新兴)/u;
const MAX_ITEM = 10;

function industryMention(
  name: string,
  start: number,
  end: number,
  sentence: number,
  category: string,
  rule: string,
): Mention {
  return { label: "Industry", name, aliases: [], start, end, sentence, props: { category }, rule };
}

/** Verbs that often sit inside industry names (装备制造, 农产品加工, 生物制药). */
const NAME_VERBS =
  /^(制造|加工|开发|服务|设计|养殖|种植|制药|研发|检测|交易|运输|仓储|装配|冶炼|物流|维修|培训|咨询|融合)$/u;

/** Whether the words before an industry head hold a verb, adverb or preposition (适合农业, 严控工业, 合理降低制造业), by jieba's tags. */
function verbInside(prefix: string): boolean {
  return taggedWords(prefix).some(
    (w) => w.word.length >= 2 && /^(v|d|p|c|ad|vd)$/u.test(w.tag) && !NAME_VERBS.test(w.word),
  );
}

/** Whether a name is a place, a place compound (京津) or a generic head that names no industry. */
function notAnIndustry(name: string, lex: Lexicon): boolean {
  return (
    lex.regionForms.has(name) ||
    lex.genericIndustryHeads.has(name) ||
    [...name].every((c) => lex.abbreviations.has(c)) ||
    /^[0-9一二三四五六七八九十两]+[个大项类条种]?$/u.test(name)
  );
}

/** Drops a place, or a compound of two or more place initials, at the start of a name when two or more characters remain (保定新能源 → 新能源, 成资临空经济 → 临空经济). */
function withoutPlace(ctx: RecognitionContext, start: number, end: number, lex: Lexicon): number {
  const { text, words } = ctx;
  const place = hitsIn(ctx.hits.regions, start, end)
    .filter((x) => x.begin === 0 && end - start - x.end >= 2)
    .sort((a, b) => b.end - a.end)[0];
  if (place) return start + place.end;
  let k = start;
  while (k < end && lex.abbreviationChars.has(text[k]!) && words[k] && words[k + 1]) k++;
  k = Math.min(k, end - 2);
  return k - start >= 2 && !lex.industries.has(text.slice(start, end)) ? k : start;
}

/** Catalogue terms: strong ones anywhere, weak ones before a suffix (氢能产业), after an industry verb (发展储能) or inside a project's name (中医药十大行动). */
function catalogueTerms(ctx: RecognitionContext, lex: Lexicon, projects: Mention[]): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  const projectsIn = bySentence(projects);
  for (const { begin, end, keyword } of ctx.hits.industries) {
    const at = sentenceAt(ctx.sentences, begin);
    const inName = (projectsIn.get(at) ?? []).some(
      (p) => p.start <= begin && p.end >= end && p.end - p.start > end - begin,
    );
    const term = lex.industries.get(keyword)!;
    if (keyword.length <= 3 && (!ctx.words[begin] || (!ctx.words[end] && !SUFFIX.test(text.slice(end, end + 4)))))
      continue;
    if (/(规上|规模以上)$/u.test(text.slice(Math.max(0, begin - 4), begin))) continue;
    const sentence = sentenceAt(ctx.sentences, begin);
    if (sentence < 0) continue;
    const suffix = SUFFIX.exec(text.slice(end, end + 4))?.[0];
    const after = text.slice(end + (suffix?.length ?? 0), end + (suffix?.length ?? 0) + 5);
    const named = term.anywhere || /^(产业链|产业集群|产业|行业)$/u.test(suffix ?? "");
    if (!inName && (named ? METRIC_AFTER : NOT_INDUSTRY_AFTER).test(after)) continue;
    let start = begin;
    let verbBefore = INDUSTRY_VERB.test(text.slice(Math.max(0, begin - 6), begin));
    if (!verbBefore && ctx.words[begin]) {
      const from = phraseStart(text, begin, ctx.sentences[sentence]!.start, ctx.words, 6);
      const modifier = text.slice(from, begin);
      if (
        modifier.length >= 2 &&
        INDUSTRY_VERB.test(text.slice(Math.max(0, from - 6), from)) &&
        !/^(发展|成长|运行|建设)/u.test(text.slice(end, end + 2)) &&
        !GENERIC_MODIFIER.test(modifier) &&
        !LEADING_GENERIC.test(modifier) &&
        !notAnIndustry(modifier, lex) &&
        !/[0-9“”]/u.test(modifier)
      ) {
        start = from;
        verbBefore = true;
      }
    }
    if (!suffix && !verbBefore && !term.anywhere && !inName) continue;
    const kept = suffix === "业" ? suffix : suffix && suffix !== "服务" ? suffix : "";
    const name = text.slice(start, end) + kept;
    const rule =
      start < begin
        ? "industry/catalogue+modifier"
        : inName && !term.anywhere && !suffix && !verbBefore
          ? "industry/in-project-name"
          : term.anywhere
            ? "industry/catalogue"
            : suffix
              ? "industry/catalogue+suffix"
              : "industry/catalogue+verb";
    const mention = industryMention(name, start, end + kept.length, sentence, term.catalogue, rule);
    if (kept === "业") mention.aliases = [keyword];
    out.push(mention);
  }
  return out;
}

/** Head morphology: a noun phrase ending in an industry head (生物医药产业, 海洋经济, 现代服务业, 全域旅游), minus generic modifiers and places. */
function headPhrases(ctx: RecognitionContext, lex: Lexicon): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const m of text.matchAll(HEAD)) {
    const head = m[0];
    const headStart = m.index;
    const headEnd = headStart + head.length;
    const after = text.slice(headEnd, headEnd + 5);
    if (NOT_INDUSTRY_AFTER.test(after) || PROJECT_AFTER.test(after)) continue;
    if (head === "经济" && /^(带|区|圈|特区|体|总量|大省|强省)/u.test(after)) continue;
    if (head === "旅游" && !ctx.words[headEnd]) continue;
    const sentence = sentenceAt(ctx.sentences, headStart);
    if (sentence < 0) continue;
    let start = phraseStart(text, headStart, ctx.sentences[sentence]!.start, ctx.words, 8);
    const lead = LEADING_GENERIC.exec(text.slice(start, headStart));
    if (lead && (headStart - start - lead[0].length >= 2 || headStart - start === lead[0].length))
      start += lead[0].length;
    start = withoutPlace(ctx, start, headStart, lex);
    // A global opening is not part of the industry (全球数字经济 → 数字经济).
    const global = /^(中国国际|中国|国际|全国|全球|世界)/u.exec(text.slice(start, headStart));
    if (global && headStart - start - global[0].length >= 2) start += global[0].length;
    const prefix = text.slice(start, headStart);
    const name = prefix + head;
    if (
      prefix.length === 0 &&
      SECTOR.test(head) &&
      ctx.words[headStart] &&
      ctx.words[headEnd] &&
      !SECTOR_NOT_AFTER.test(after)
    ) {
      if (!/(规上|规模以上|先进|现代)$/u.test(text.slice(Math.max(0, headStart - 4), headStart)))
        out.push(
          industryMention(head, headStart, headEnd, sentence, "国民经济行业分类GB/T4754-2017", "industry/sector"),
        );
      continue;
    }
    if (
      prefix.length < 2 ||
      QUANTITY_RESIDUE.test(prefix) ||
      /[0-9“”（）()、+＋]|[一二三四五六七八九十两][大个]/u.test(prefix)
    )
      continue;
    if (notAnIndustry(prefix, lex) || lex.genericIndustryHeads.has(name) || verbInside(prefix)) continue;
    // Generic heads need a real modifier (重点产业, 传统产业 are not industries).
    const genericHead = /^(产业|产业链|产业集群|行业|经济)$/u.test(head);
    if (genericHead && (GENERIC_MODIFIER.test(prefix) || /(主导|重点|优势|特色|支柱|首位)$/u.test(prefix))) continue;
    if (head === "经济" && [...lex.genericIndustryHeads].some((g) => g.length >= 4 && name.endsWith(g))) continue;
    if (head === "经济" && /(型|性|化|区|带|圈|域|体|县|省|市|村|镇)$/u.test(prefix) && !lex.industries.has(prefix))
      continue;
    if ((head === "农业" || head === "工业") && prefix.length > 4) continue;
    if (head === "旅游" && (prefix.length > 8 || GENERIC_MODIFIER.test(prefix))) continue;
    out.push(industryMention(name, start, headEnd, sentence, "pattern", "industry/head"));
  }
  return out;
}

/** Whether a list item is itself a catalogue industry (a known term, or a known term plus 产业/行业). */
function known(lex: Lexicon, name: string): boolean {
  return lex.industries.has(name) || lex.industries.has(name.replace(/(产业链|产业|行业)$/u, ""));
}

/** Emits the items of one industry list, each without a leading place, skipping places and generic words. */
function listMentions(
  ctx: RecognitionContext,
  items: ListItem[],
  sentence: number,
  lex: Lexicon,
  rule: string,
  keep: (name: string) => boolean,
): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const item of items) {
    const from = withoutPlace(ctx, item.start, item.end, lex);
    let [s, e] = [from, item.end];
    if (text[s] === "“" && text[e - 1] === "”") [s, e] = [s + 1, e - 1];
    const lead = LEADING_GENERIC.exec(text.slice(s, e));
    if (lead && e - s - lead[0].length >= 2) s += lead[0].length;
    const name = text.slice(s, e);
    if (name.length < 2 || /[“”]/u.test(name) || notAnIndustry(name, lex) || GENERIC_MODIFIER.test(name)) continue;
    if (!keep(name)) continue;
    out.push(industryMention(name, s, e, sentence, known(lex, name) ? "enumeration+catalogue" : "enumeration", rule));
  }
  return out;
}

/**
 * Lists read as a whole: the items before 等…产业/行业/领域 are industries (钢铁、有色、建材等原材料产业), and so is the
 * specific head (原材料产业); the items before 等 + a catalogue industry are its kinds (5G、大数据等新一代信息技术); in any
 * other 、-list, items that are catalogue terms count when at least two items are (电子信息、装备制造、食品饮料…).
 */
function industryLists(ctx: RecognitionContext, lex: Lexicon): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (let at = text.indexOf("、"); at >= 0; at = text.indexOf("、", at + 1)) {
    const sentence = sentenceAt(ctx.sentences, at);
    if (sentence < 0) continue;
    const s = ctx.sentences[sentence]!;
    const end = lastItemEnd(ctx, at + 1, s.end);
    if (end === undefined) continue;
    const items = listItems(text, end, s.start, ctx.words, MAX_ITEM);
    const last = items[items.length - 1];
    if (items.length < 2 || !last) continue;
    const tail = text.slice(last.end, Math.min(s.end, last.end + 24));
    const trimmed = trimTail(ctx, items, lex);
    const head = listHead(text, last.end, ctx.words);
    const afterHead = head ? tail.slice(head[0].length) : "";
    const firms = FIRMS_AFTER.exec(afterHead.split(/[，。；]/u)[0]!);
    // 等 + modifier + head: the items are industries unless firms, projects or bodies follow (等重点行业企业 still counts).
    const headIsIndustry =
      head &&
      !NOT_INDUSTRY_LIST_AFTER.test(afterHead) &&
      !(firms && firms.index > 0) &&
      (head[2] !== "领域" || INDUSTRY_FIELD.test(head[1]! + afterHead.slice(0, 4)));
    // 等 + a known industry: the items are its kinds (5G、大数据等新一代信息技术).
    const kindOf = /^等/u.test(tail) && kindHead(ctx, last.end + 1) && !FIRMS_AFTER.test(tail.split(/[，。；]/u)[0]!);
    // 甲、乙、丙产业 without 等: the last item's suffix covers the list.
    const suffixed =
      /^(产业|行业)/u.test(tail) && !NOT_INDUSTRY_AFTER.test(tail.slice(2)) && !PROJECT_AFTER.test(tail.slice(2));
    if (headIsIndustry || kindOf || suffixed) {
      out.push(...listMentions(ctx, items, sentence, lex, "industry/list", () => true));
      const modifier = head?.[1] ?? "";
      if (head && modifier.length >= 2 && !/[和与及]/u.test(modifier) && !GENERIC_MODIFIER.test(modifier)) {
        const hs = last.end + head[0].length - modifier.length - head[2]!.length;
        if (head[2] !== "领域" && head[2] !== "业态")
          out.push(
            industryMention(
              modifier + head[2],
              hs,
              last.end + head[0].length,
              sentence,
              "pattern",
              "industry/list-head",
            ),
          );
      }
      continue;
    }
    const knownCount = trimmed.filter((i) => known(lex, i)).length;
    if (NOT_INDUSTRY_LIST.test(tail)) continue;
    if (knownCount >= 2 && knownCount * 2 >= items.length)
      out.push(...listMentions(ctx, items, sentence, lex, "industry/list-catalogue", (name) => known(lex, name)));
  }
  return out;
}

/**
 * Where the last item of a list that continues at `from` ends: at 等 or at a 产业/行业 suffix within an item's length,
 * else after the longest catalogue term or the first word there; undefined when another 、 follows (not the last item).
 */
function lastItemEnd(ctx: RecognitionContext, from: number, limit: number): number | undefined {
  const { text, words } = ctx;
  const nameChar = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fffA-Za-z0-9“”]/u.test(c);
  let end = from;
  while (end < limit && end - from <= MAX_ITEM + 4 && nameChar(text[end]) && text[end] !== "等") end++;
  if (text[end] === "、") return undefined;
  if (text[end] === "等" && end - from <= MAX_ITEM) return end;
  const suffix = text.slice(from, Math.min(end, from + MAX_ITEM + 2)).search(/(产业|行业)/u);
  if (suffix > 0) return from + suffix;
  if (end - from <= MAX_ITEM && !nameChar(text[end])) return end;
  const term = hitsIn(ctx.hits.industries, from, from + MAX_ITEM)
    .filter((x) => x.begin === 0)
    .sort((a, b) => b.end - a.end)[0];
  if (term) return from + term.end;
  let w = from + 1;
  while (w < limit && !words[w]) w++;
  return w;
}

/** The 等…head after a list when the words between 等 and the head form one noun phrase (等原材料产业, not 等向制造业). */
function listHead(text: string, at: number, words: Uint8Array): RegExpExecArray | null {
  const head = LIST_HEAD.exec(text.slice(at, at + 24));
  if (!head) return null;
  const headStart = at + head[0].length - head[2]!.length;
  const modifierStart = headStart - head[1]!.length;
  if (
    head[1] &&
    phraseStart(text, headStart, modifierStart, words, 12, true) !== modifierStart &&
    !/[和与]/u.test(head[1])
  )
    return null;
  return head;
}

/** Whether a catalogue industry starts at `at` and ends as a word followed by no other noun (等新一代信息技术与…, not 等物流收费). */
function kindHead(ctx: RecognitionContext, at: number): boolean {
  const { text, words } = ctx;
  const term = hitsIn(ctx.hits.industries, at, at + 12)
    .filter((x) => x.begin === 0)
    .sort((a, b) => b.end - a.end)[0];
  if (!term) return false;
  let end = at + term.end;
  if (/^(产业|行业)/u.test(text.slice(end))) end += 2;
  if (NOT_INDUSTRY_LIST_AFTER.test(text.slice(end)) || PROJECT_AFTER.test(text.slice(end))) return false;
  return (
    !!words[end] &&
    (!/[\u4e00-\u9fff]/u.test(text[end] ?? "") ||
      /^(与|和|及|的|等)/u.test(text.slice(end)) ||
      stopWordAt(text, words, end))
  );
}

/** The item names of a list without leading places, for counting catalogue terms among them. */
function trimTail(ctx: RecognitionContext, items: ListItem[], lex: Lexicon): string[] {
  return items.map((i) => ctx.text.slice(withoutPlace(ctx, i.start, i.end, lex), i.end).replace(/[“”]/gu, ""));
}

/** Quoted industry groups: “医车电数游”五大产业, “芯屏端软智网”全产业链. */
function quotedIndustries(ctx: RecognitionContext): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const m of text.matchAll(
    /“([^“”]{2,8})”(?:[一二三四五六七八九十0-9]+[大个])?(?:主导|重点|优势|特色|支柱|全)?(产业链|产业|行业)/gu,
  )) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence >= 0 && !/^[一二三四五六七八九十两百千]/u.test(m[1]!))
      out.push({
        ...industryMention(m[1]!, m.index, m.index + m[0].length, sentence, "quoted", "industry/quoted"),
        aliases: [m[0]],
      });
  }
  return out;
}

/** Lists industry mentions: catalogue terms in context, head morphology, whole lists, and quoted industry groups; `projects` are the project names found already, a context for catalogue terms inside them. */
export function recognizeIndustries(ctx: RecognitionContext, lex: Lexicon, projects: Mention[] = []): Mention[] {
  return longestFirst([
    ...catalogueTerms(ctx, lex, projects),
    ...headPhrases(ctx, lex),
    ...industryLists(ctx, lex),
    ...quotedIndustries(ctx),
  ]);
}
