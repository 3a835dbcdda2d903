/**
 * Prose of sections 一, 五 and 六, assembled from phrase pools so that reports of
 * different organs read differently (C22/C23 need near-duplicates to be the
 * exception). The wording is our own; only the template's terms are shared with
 * real reports.
 */
import type { Rng } from './prng';

export interface ProseContext {
  rng: Rng;
  year: number;
  /** organ as named in the title, e.g. 绥滨县连生乡人民政府 */
  organ: string;
  /** short self-reference: 我乡 / 我镇 / 我县 / 我局 */
  self: string;
  /** the county, for the portal name */
  county: string;
  proactive: { value: number; approximate: boolean };
  /** 新收 total of table 三 (for the 依申请公开 sentence) */
  applications: number;
  /** 办结 = （七）总计 total */
  handled: number;
  reviews: number;
  suits: number;
  template: '2019' | '2021';
  formatCount: (n: number) => string;
}

const SUB_MARKS = [
  ['（一）', '（二）', '（三）', '（四）', '（五）'],
  ['(一)', '(二)', '(三)', '(四)', '(五)'],
  ['1、', '2、', '3、', '4、', '5、'],
  ['1.', '2.', '3.', '4.', '5.'],
] as const;

const CATEGORIES = ['工作动态', '政策文件', '人事信息', '财政预决算', '政策解读', '回应关切', '乡村振兴', '社会救助', '应急管理', '公示公告', '重点项目', '民生保障', '规划计划', '安全生产'];

function breakdown(ctx: ProseContext): string {
  const { rng } = ctx;
  const n = Math.min(rng.int(2, 6), CATEGORIES.length);
  const pool = [...CATEGORIES];
  const parts: string[] = [];
  let left = ctx.proactive.value;
  for (let i = 0; i < n && left > 1; i++) {
    const name = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    const k = rng.int(1, Math.max(1, Math.floor(left / 2)));
    left -= k;
    parts.push(`${name}${ctx.formatCount(k)}条`);
  }
  return parts.length ? `其中，${parts.join(rng.pick(['，', '、']))}。` : '';
}

function proactiveSentence(ctx: ProseContext): string {
  const { rng, year, self, county } = ctx;
  const n = ctx.formatCount(ctx.proactive.value);
  const approx = ctx.proactive.approximate;
  const unit = approx ? '余条' : '条';
  const lead = rng.pick([
    `${year}年，${self}`,
    `${year}年度，${self}`,
    `全年${self}`,
    `${self}通过${county}人民政府门户网站、政务公开栏等渠道`,
    `本年度${self}`,
  ]);
  const verb = rng.pick(['主动公开政府信息', '共主动公开政府信息', '累计主动公开政府信息', '主动公开政府信息共']);
  return `${lead}${verb}${n}${unit}，${breakdown(ctx)}`;
}

function applicationSentence(ctx: ProseContext): string {
  const { rng, year, self } = ctx;
  if (ctx.applications === 0) {
    return rng.pick([`${year}年度，${self}未收到依申请公开事项。`, `本年度${self}未收到政府信息公开申请。`, `全年未收到公民、法人和其他组织提出的政府信息公开申请。`]);
  }
  return rng.pick([
    `${year}年，${self}共收到政府信息公开申请${ctx.formatCount(ctx.applications)}件，均在法定期限内答复。`,
    `全年受理依申请公开${ctx.formatCount(ctx.applications)}件，办结${ctx.formatCount(ctx.handled)}件，答复规范及时。`,
    `本年度新收政府信息公开申请${ctx.formatCount(ctx.applications)}件，严格按照《条例》规定的时限和程序办理。`,
  ]);
}

const MANAGEMENT = [
  '严格落实信息发布“三审制”，公开前逐条进行保密审查，确保发布内容准确规范。',
  '定期清理已公开的政府信息，对失效、过时的内容及时标注或撤下，保持公开目录动态更新。',
  '建立政府信息管理台账，明确信息的生成、审核、发布和归档责任，做到有据可查。',
  '对涉及个人隐私的信息进行去标识化处理，依法平衡公开与保护的关系。',
];
const PLATFORM = [
  '依托政府门户网站信息公开专栏，统一发布主动公开内容，栏目设置清晰、更新及时。',
  '用好政务新媒体和公开栏，在便民服务中心设置政务公开专区，方便群众就近查阅。',
  '完善政府信息公开平台栏目，推进标准目录落地，提升公开内容的可读性和可查性。',
];
const OVERSIGHT = [
  '调整政务公开工作领导小组，明确分管领导和专职人员，把信息公开纳入年度考核。',
  '定期开展自查，发现问题限期整改，主动接受群众和社会各界监督。',
  '本年度未发生因政府信息公开工作受到责任追究的情况，工作运行平稳有序。',
];
const INTRO = [
  (c: ProseContext) => `${c.year}年，${c.self}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，扎实推进政府信息公开工作。`,
  (c: ProseContext) => `${c.year}年，在上级的正确领导下，${c.self}把政府信息公开作为转变作风、服务群众的重要抓手，健全制度，规范流程。`,
  (c: ProseContext) => `${c.self}高度重视政府信息公开工作，围绕中心工作，持续提升公开质量和实效。`,
];

/** n distinct items of a pool, in random order */
function pickN(rng: Rng, pool: readonly string[], n: number): string[] {
  const p = [...pool];
  const out: string[] = [];
  for (let i = 0; i < n && p.length; i++) out.push(p.splice(rng.int(0, p.length - 1), 1)[0]);
  return out;
}

export interface Section1 {
  paragraphs: string[];
}

export function section1(ctx: ProseContext): Section1 {
  const { rng } = ctx;
  const marks = rng.pick(SUB_MARKS);
  const titles = rng.chance(0.5)
    ? ['主动公开情况', '依申请公开情况', '政府信息管理情况', '平台建设情况', '监督保障情况']
    : ['主动公开政府信息', '依申请公开政府信息', '政府信息管理', '政府信息公开平台建设', '监督保障'];
  const bodies = [
    proactiveSentence(ctx),
    applicationSentence(ctx),
    pickN(rng, MANAGEMENT, rng.int(1, 2)).join(''),
    rng.pick(PLATFORM),
    pickN(rng, OVERSIGHT, rng.int(1, 2)).join(''),
  ];
  const paragraphs = [rng.pick(INTRO)(ctx)];
  const inline = rng.chance(0.6);
  for (let i = 0; i < 5; i++) {
    if (inline) paragraphs.push(`${marks[i]}${titles[i]}。${bodies[i]}`);
    else paragraphs.push(`${marks[i]}${titles[i]}`, bodies[i]);
  }
  return { paragraphs };
}

const PROBLEMS = [
  '公开内容的全面性还有欠缺，部分栏目更新不够及时',
  '政策解读形式较为单一，图解、视频等群众喜闻乐见的形式运用不多',
  '工作人员多为兼职，业务能力有待提高',
  '基层政务公开标准目录落实还不够细',
  '依申请公开办理流程的规范化程度仍需提升',
  '公开信息的质量参差不齐，个别信息要素不完整',
];
const MEASURES = [
  '加强业务培训，组织工作人员系统学习《条例》和有关规定',
  '落实专人负责，建立信息更新提醒机制，确保应公开尽公开',
  '丰富解读形式，围绕群众关心的热点问题做好政策解读',
  '对照标准目录逐项梳理公开事项，查漏补缺',
  '完善依申请公开登记、审核、答复各环节，规范文书格式',
  '加强督促检查，把政务公开工作纳入日常考核',
];

export function section5(ctx: ProseContext): string[] {
  const { rng } = ctx;
  const ps = pickN(rng, PROBLEMS, rng.int(2, 3));
  const ms = pickN(rng, MEASURES, rng.int(2, 4));
  const ordinal = ['一是', '二是', '三是', '四是'];
  const problems = `${ctx.year}年，${ctx.self}政府信息公开工作取得了一定成效，但仍存在一些不足：${ps.map((p, i) => `${ordinal[i]}${p}`).join('；')}。`;
  const measures = `${ctx.year + 1}年，${ctx.self}将重点做好以下工作：${ms.map((m, i) => `${ordinal[i]}${m}`).join('；')}。`;
  if (rng.chance(0.5)) return [problems, measures];
  const marks = rng.pick(SUB_MARKS);
  return [`${marks[0]}存在的主要问题`, problems, `${marks[1]}改进情况`, measures];
}

export function section6(ctx: ProseContext): string[] {
  const { rng, self } = ctx;
  if (ctx.template === '2021') {
    const charged = rng.chance(0.15);
    const fee = charged
      ? `依据《政府信息公开信息处理费管理办法》，${self}本年度收取信息处理费${rng.int(1, 9)}笔，共计${ctx.formatCount(rng.int(100, 4000))}元。`
      : rng.pick([
          `依据《政府信息公开信息处理费管理办法》，${self}本年度未收取信息处理费。`,
          `本年度${self}未发生收取信息处理费的情况。`,
          `${self}本年度没有收取政府信息公开信息处理费。`,
        ]);
    return rng.chance(0.3) ? [fee, '无其他需要报告的事项。'] : [fee];
  }
  return [rng.pick(['无。', '无', '本年度无其他需要报告的事项。', `${self}将继续按照有关要求做好政府信息公开工作。`])];
}
