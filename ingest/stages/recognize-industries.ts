// Stage recognise industries: catalogue terms, morphology (…产业, …经济, …服务业) and enumerations ending in an industry head.
import type { Lexicon } from "../lexicon/index.ts";
import { phraseStart } from "../text/phrase-start.ts";
import { sentenceAt } from "../text/spans.ts";
import type { Mention, RecognitionContext } from "../types.ts";
import { longestFirst } from "./recognize-regions.ts";

const HEAD = /(产业链|产业集群|产业|行业|服务业|制造业|农业|工业|经济)/gu;
const SUFFIX = /^(产业链|产业集群|产业|行业|服务业|服务|业|经济)/u;
const ENUM_HEAD = new RegExp(
  "等(?:[0-9一二三四五六七八九十百]+(?:个|大|项|类|条)?)?" +
    "((?:重点|主导|优势|特色|支柱|传统|新兴|战略性新兴|未来|现代|先进|高端|生产性|生活性|高新技术|绿色|数字|相关|领域|千亿级|百亿级|万亿级|地标性|新技术|新)*)" +
    "(产业链|产业集群|产业|行业|服务业|制造业|经济)(?![\\u4e00-\\u9fff]{0,2}(企业|项目|人才|园区|基地|领军|龙头|平台))",
  "gu",
);
const NOT_INDUSTRY_AFTER =
  /^(体系|结构|基础|布局|政策|转移|升级|转型|链供应链|化|门类|工人|工作|发展方式|形态|格局|循环|增长|运行|社会|总量|实力|效益|质量|秩序|安全|领域|部门|主体|组织|协会|监管|发展水平|强省|强市|强国|大省|大市|强区|技术|手段|平台|设施|网络|应用|融合|赋能|企业|人才|标准|指标|增速|增加值|运行|活动|总产值|产值|比重|占比|规模|营收|收入)/u;
const INDUSTRY_VERB =
  /(发展|培育|壮大|布局|做强|做大|做优|打造|振兴|引进|集聚|聚焦|发展壮大|培育壮大|做大做强|延伸|拓展)$/u;
const MAX_ITEM = 10;
const LEADING_GENERIC =
  /^(重大|重点|主要|各类|一批|若干|新兴|传统|优势|特色|国家级|国家|省级以上|省级|市级以上|市级|县级)+/u;
const QUANTITY_RESIDUE = /^(个|家|项|名|批|座|条|地|的|得|之|百家|千家|万家)/u;
const GENERIC_MODIFIER =
  /^(重点|主导|优势|特色|特色优势|支柱|传统|相关|其他|各类|新兴|地方|本地|全省|全市|我省|我市|重大|现代|国家|重要|全球|新|主要|首位|接续|战略性|区域|各|多|首批|首个|一批|关联|配套|上下游|本土|存量|落后|过剩|低效|新型|基础|优质|骨干|龙头|大型|中小|民营|外资|国有)$|级$|型$/u;
function industryMention(name: string, start: number, end: number, sentence: number, category: string): Mention {
  return { label: "Industry", name, aliases: [], start, end, sentence, props: { category } };
}

function itemIsName(text: string, start: number, end: number, ctx: RecognitionContext): boolean {
  const item = text.slice(start, end);
  if (item.length < 2 || item.length > MAX_ITEM || /[0-9“”（）()]/u.test(item)) return false;
  return phraseStart(text, end, start, ctx.words, MAX_ITEM) === start;
}

/** Lists industry mentions: strong catalogue terms anywhere, weak ones only before an industry suffix or in an industry enumeration, plus morphology. */
export function recognizeIndustries(ctx: RecognitionContext, lex: Lexicon): Mention[] {
  const { text } = ctx;
  const out: Mention[] = [];
  for (const { begin, end, keyword } of lex.industryMatcher.matchInText(text)) {
    const term = lex.industries.get(keyword)!;
    if (keyword.length <= 3 && (!ctx.words[begin] || (!ctx.words[end] && !SUFFIX.test(text.slice(end, end + 4)))))
      continue;
    const suffix = SUFFIX.exec(text.slice(end, end + 4))?.[0];
    const verbBefore = INDUSTRY_VERB.test(text.slice(Math.max(0, begin - 6), begin));
    if (!suffix && !verbBefore && !term.anywhere) continue;
    if (NOT_INDUSTRY_AFTER.test(text.slice(end + (suffix?.length ?? 0), end + (suffix?.length ?? 0) + 5))) continue;
    const sentence = sentenceAt(ctx.sentences, begin);
    if (sentence < 0) continue;
    const full = suffix && suffix !== "业" && suffix !== "服务" ? keyword + suffix : keyword;
    out.push(industryMention(full, begin, begin + full.length, sentence, term.catalogue));
  }
  for (const m of text.matchAll(HEAD)) {
    const headStart = m.index;
    const headEnd = headStart + m[0].length;
    const after = text.slice(headEnd, headEnd + 5);
    if (
      NOT_INDUSTRY_AFTER.test(after) ||
      /^(园|基地|示范|集聚区|共建|伙伴|合作|走廊|产业园|产业示范|产业基地|产业集聚|产业强镇|产业融合)/u.test(after)
    )
      continue;
    if (m[0] === "经济" && /^(带|区|圈|特区|体|总量|大省|强省)/u.test(after)) continue;
    const sentence = sentenceAt(ctx.sentences, headStart);
    if (sentence < 0) continue;
    let start = phraseStart(text, headStart, ctx.sentences[sentence]!.start, ctx.words, 8);
    const lead = LEADING_GENERIC.exec(text.slice(start, headStart));
    if (lead && headStart - start - lead[0].length >= 2) start += lead[0].length;
    const place = lex.regionMatcher
      .matchInText(text.slice(start, headStart))
      .filter((x) => x.begin === 0 && headStart - start - x.end >= 2)
      .sort((a, b) => b.end - a.end)[0];
    if (place) start += place.end;
    const global = /^(中国国际|中国|国际|全国|全球|世界)/u.exec(text.slice(start, headStart));
    if (global && headStart - start - global[0].length >= 2) start += global[0].length;
    const prefix = text.slice(start, headStart);
    const name = prefix + m[0];
    if (
      prefix.length < 2 ||
      QUANTITY_RESIDUE.test(prefix) ||
      /[0-9“”（）()、]|[一二三四五六七八九十两][大个]/u.test(prefix)
    )
      continue;
    if (lex.regionForms.has(prefix) || lex.genericIndustryHeads.has(name) || lex.genericIndustryHeads.has(prefix))
      continue;
    if ([...prefix].every((c) => lex.abbreviations.has(c))) continue;
    const genericHead = /^(产业|产业链|产业集群|行业|经济)$/u.test(m[0]);
    if (genericHead && (GENERIC_MODIFIER.test(prefix) || /(主导|重点|优势|特色|支柱|首位)$/u.test(prefix))) continue;
    if (m[0] === "经济" && [...lex.genericIndustryHeads].some((g) => g.length >= 4 && name.endsWith(g))) continue;
    if (m[0] === "经济" && /(型|性|化|区|带|圈|域|体|县|省|市|村|镇)$/u.test(prefix) && !lex.industries.has(prefix))
      continue;
    if ((m[0] === "农业" || m[0] === "工业") && prefix.length > 4) continue;
    out.push(industryMention(name, start, headEnd, sentence, "pattern"));
  }
  for (const m of text.matchAll(ENUM_HEAD)) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence < 0) continue;
    if (
      /^(、[^，。；、]{1,8})*[\u4e00-\u9fff]{0,2}(企业|项目|人才|领军|龙头|公司)/u.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 30),
      )
    )
      continue;
    const floor = ctx.sentences[sentence]!.start;
    const items: [number, number][] = [];
    let end = m.index;
    for (;;) {
      let start = end;
      while (start > floor && !"、，,；：:".includes(text[start - 1]!) && end - start <= MAX_ITEM) start--;
      const connector = /^(和|及|与|以及)/u.exec(text.slice(start, end));
      if (connector && items.length === 0) start += connector[0].length;
      const first = text[start - 1] !== "、";
      if (first) start = phraseStart(text, end, start, ctx.words, MAX_ITEM);
      if (!itemIsName(text, start, end, ctx)) break;
      items.push([start, end]);
      if (first) break;
      end = start - 1;
    }
    if (items.length < 2 && !(items.length === 1 && m[1])) continue;
    for (const [s, e] of items) {
      const place = lex.regionMatcher
        .matchInText(text.slice(s, e))
        .filter((x) => x.begin === 0 && e - s - x.end >= 2)
        .sort((a, b) => b.end - a.end)[0];
      const from = s + (place?.end ?? 0);
      out.push(industryMention(text.slice(from, e), from, e, sentence, "enumeration"));
    }
    const modifier = m[1] ?? "";
    if (/^(未来|战略性新兴|高新技术|先进|现代|生产性|生活性)$/u.test(modifier)) {
      const s = m.index + m[0].length - modifier.length - m[2]!.length;
      out.push(industryMention(modifier + m[2], s, m.index + m[0].length, sentence, "pattern"));
    }
  }
  for (const m of text.matchAll(
    /“([^“”]{2,8})”(?:[一二三四五六七八九十0-9]+[大个])?(?:主导|重点|优势|特色|支柱)?(产业|行业)/gu,
  )) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence >= 0 && !/^[一二三四五六七八九十两百千]/u.test(m[1]!))
      out.push({ ...industryMention(m[1]!, m.index, m.index + m[0].length, sentence, "quoted"), aliases: [m[0]] });
  }
  return longestFirst(out);
}
