// Finds where a noun phrase begins, scanning left word by word from its head past modifiers, stopping at verbs and function words.

/** Function words and action verbs that never belong to a name: a phrase starts right after them. */
const HARD_STOPS = [
  "的",
  "和",
  "与",
  "及",
  "或",
  "等",
  "在",
  "对",
  "把",
  "将",
  "向",
  "为",
  "以",
  "从",
  "由",
  "于",
  "是",
  "有",
  "了",
  "着",
  "并",
  "而",
  "且",
  "被",
  "让",
  "使",
  "给",
  "按",
  "到",
  "至",
  "就",
  "也",
  "还",
  "都",
  "又",
  "再",
  "更",
  "最",
  "其",
  "该",
  "各",
  "每",
  "这",
  "此",
  "即",
  "如",
  "若",
  "之",
  "所",
  "跟",
  "要",
  "必须",
  "已",
  "已经",
  "正在",
  "仍",
  "才",
  "以及",
  "及其",
  "加快",
  "加速",
  "推进",
  "推动",
  "实施",
  "打造",
  "支持",
  "鼓励",
  "引导",
  "聚焦",
  "依托",
  "围绕",
  "抓好",
  "做好",
  "办好",
  "搞好",
  "开展",
  "启动",
  "深化",
  "强化",
  "加强",
  "加大",
  "提高",
  "扩大",
  "优化",
  "完善",
  "健全",
  "建立",
  "构建",
  "形成",
  "实现",
  "促进",
  "壮大",
  "做大",
  "做强",
  "做优",
  "做精",
  "做实",
  "布局",
  "规划",
  "谋划",
  "筹办",
  "举办",
  "承办",
  "创建",
  "争创",
  "申建",
  "共建",
  "融入",
  "对接",
  "落实",
  "贯彻",
  "坚持",
  "发挥",
  "利用",
  "用好",
  "推广",
  "探索",
  "积极",
  "大力",
  "着力",
  "全面",
  "深入",
  "持续",
  "不断",
  "加紧",
  "抓紧",
  "切实",
  "努力",
  "力争",
  "确保",
  "统筹",
  "稳步",
  "有序",
  "超前",
  "前瞻",
  "率先",
  "主动",
  "进一步",
  "继续",
  "带动",
  "引领",
  "助力",
  "参与",
  "开工",
  "建成",
  "完成",
  "新建",
  "扩建",
  "续建",
  "巩固",
  "保持",
  "增强",
  "提升",
  "培育",
  "发展",
  "建设",
  "打好",
  "打赢",
  "突出",
  "重视",
  "注重",
  "聚力",
  "集中",
  "瞄准",
  "面向",
  "立足",
  "结合",
  "通过",
  "运用",
  "采取",
  "按照",
  "根据",
  "包括",
  "涵盖",
  "覆盖",
  "如期",
  "基本",
  "初步",
  "全力",
  "奋力",
  "倾力",
  "合力",
  "协力",
  "携手",
  "新一轮",
  "进入",
  "成为",
  "作为",
  "当好",
  "争当",
  "争做",
  "建好",
  "管好",
  "用活",
  "激发",
  "释放",
  "挖掘",
  "拓展",
  "延伸",
  "拓宽",
  "抢占",
  "争取",
  "吸引",
  "引进",
  "招引",
  "承接",
  "疏解",
  "服务于",
  "服务",
  "保障",
  "我省",
  "我市",
  "全省",
  "全市",
  "我区",
  "全区",
  "我县",
  "全县",
  "我国",
  "全国",
  "各地",
  "各级",
  "一批",
  "一系列",
  "若干",
  "开放",
  "改革",
  "创新",
  "振兴",
  "保护",
  "治理",
  "示范",
  "试点",
  "因势",
  "顺势",
  "乘势",
  "借势",
  "大幅",
  "明显",
  "显著",
  "逐步",
  "赋予",
  "给予",
  "提供",
  "重点",
  "优先",
  "加紧",
  "精心",
  "高标准推进",
  "重点发展",
  "大力发展",
  "加快发展",
  "积极发展",
  "优先发展",
  "做大做强",
  "发展壮大",
  "培育壮大",
  "加快推进",
  "深入推进",
  "积极推进",
  "大力推进",
  "充分",
  "充分发挥",
  "更好",
  "稳住",
  "出席",
  "牵引",
  "厚植",
  "打通",
  "制定",
  "推行",
  "出台",
  "编制",
  "组建",
  "设立",
  "成立",
  "开通",
  "部署",
  "安排",
  "召开",
  "举行",
  "印发",
  "获批",
  "取得",
  "达到",
  "设置",
  "投入",
  "引入",
  "吸纳",
  "凝聚",
  "动员",
  "占",
  "占比",
  "高于",
  "低于",
  "超过",
  "达",
  "约",
  "共",
  "累计",
  "新增",
  "增加",
  "减少",
  "下降",
  "增长",
  "提出",
  "强调",
  "指出",
  "要求",
  "明确",
  "确定",
  "决定",
  "认为",
  "看",
  "抓住",
  "把握",
  "用足",
  "盘活",
  "叫响",
  "擦亮",
  "唱响",
  "打响",
  "亲自",
  "落户",
  "攻克",
  "构筑",
  "具有",
  "入选",
  "开辟",
  "用",
  "围绕着",
  "依靠",
  "借助",
  "实行",
  "落地",
  "培养",
  "打造成",
  "放在",
  "放到",
  "筑牢",
  "夯实",
  "做精做优",
  "着力点",
  "续写",
  "规范",
  "开发",
  "谱写",
  "书写",
  "高标准建设",
  "高质量建设",
  "高水平建设",
];

/** Verbs that often sit inside names (创新发展试验区, 数字乡村建设工程): they end a phrase only when a hard stop or a boundary precedes them. */
const SOFT_STOPS = new Set([
  "发展",
  "建设",
  "提升",
  "培育",
  "改革",
  "创新",
  "振兴",
  "保护",
  "治理",
  "示范",
  "试点",
  "服务",
  "开放",
  "巩固",
  "增强",
  "重点",
  "全面",
]);

const STOPS = new Set(HARD_STOPS);

/** Whether a character can be part of a name: CJK, Latin letters, digits, the middle dot and inner quotes. */
export function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  return /[\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9·“”+＋]/u.test(c);
}

/** Whether a word is made only of stop words (积极培育 = 积极 + 培育), so that it ends a phrase. */
function isStopWord(word: string, soft: boolean): boolean {
  if (STOPS.has(word)) return soft || !SOFT_STOPS.has(word);
  if (word.length > 8) return false;
  return decomposes(word, false);
}

/** Whether a word splits into stop words, at least one of them hard (全面实施 = 全面 + 实施). */
function decomposes(word: string, sawHard: boolean): boolean {
  if (word.length === 0) return sawHard;
  for (let i = Math.min(word.length, 5); i >= 1; i--) {
    const head = word.slice(0, i);
    if (STOPS.has(head) && decomposes(word.slice(i), sawHard || !SOFT_STOPS.has(head))) return true;
  }
  return false;
}

function previousBoundary(words: Uint8Array, p: number): number {
  let q = p - 1;
  while (q > 0 && !words[q]) q--;
  return q;
}

/** Whether one to three words ending at `p` together form a stop (jieba splits some verbs: 做/大). */
function stopEndsAt(text: string, words: Uint8Array, p: number, limit: number): boolean {
  let q = p;
  for (let n = 0; n < 3 && q > limit; n++) {
    q = previousBoundary(words, q);
    if (isStopWord(text.slice(q, p), false)) return true;
  }
  return false;
}

/** Returns where the phrase whose head starts at `headStart` begins: never before `floor`, at most `maxLength` characters, right after the nearest verb, function word or punctuation; `words` marks word boundaries; with `verbsInside`, verbs such as 发展/建设 may sit inside the name (programme and platform names). */
export function phraseStart(
  text: string,
  headStart: number,
  floor: number,
  words: Uint8Array,
  maxLength = 24,
  verbsInside = false,
): number {
  const limit = Math.max(floor, headStart - maxLength);
  let p = headStart;
  while (p > limit) {
    const c = text[p - 1]!;
    if (c === "）" || c === ")") {
      const open = Math.max(text.lastIndexOf("（", p - 1), text.lastIndexOf("(", p - 1));
      if (open > limit && p - open <= 8 && isNameChar(text[open - 1])) {
        p = open;
        continue;
      }
      break;
    }
    if (c === "”") {
      const open = text.lastIndexOf("“", p - 1);
      if (open >= limit && p - open <= 18) {
        p = open;
        continue;
      }
      break;
    }
    if (!isNameChar(c) || c === "“") break;
    const q = previousBoundary(words, p);
    if (q < limit) break;
    const word = text.slice(q, p);
    if ([...word].some((ch) => !isNameChar(ch))) {
      let k = p;
      while (k > q && isNameChar(text[k - 1])) k--;
      p = k;
      break;
    }
    if (isStopWord(word, false) || stopEndsAt(text, words, p, limit) || (!verbsInside && word === "同")) break;
    if (SOFT_STOPS.has(word)) {
      if (!verbsInside) break;
      const r = previousBoundary(words, q);
      const before = text.slice(r, q);
      if (q <= limit || !isNameChar(text[q - 1]) || isStopWord(before, false) || q === floor) break;
    }
    p = q;
  }
  return p;
}
