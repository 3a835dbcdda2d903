/**
 * Which reports belong to the same organ. Reports name an organ in many ways —
 * 连生乡 / 绥滨县连生乡人民政府 / 綏濱縣連生鄉人民政府 — so names are reduced to
 * a match key (simplified characters, no 人民政府/政府 suffix, no leading
 * province/city/county of its own region) and paired with the division code.
 */

/** Traditional → simplified for characters common in organ and place names (the parser's organSimplified is preferred). */
const T2S: Record<string, string> = Object.fromEntries(
  [
    '連连縣县鎮镇鄉乡區区國国務务員员會会廳厅衛卫發发廣广東东書书辦办處处農农業业資资產产監监劃划開开設设計计經经濟济',
    '環环貿贸貨货機机關关稅税財财災灾應应運运輸输體体醫医療疗藥药圖图館馆檔档職职護护廠厂礦矿園园場场電电車车',
    '陝陕龍龙雲云貴贵遼辽寧宁蘇苏鳳凤嶺岭灣湾門门陽阳華华閩闽興兴鄭郑長长豐丰臺台觀观黃黄馬马橋桥溝沟灘滩島岛',
    '鐵铁銀银時时間间條条與与為为對对現现規规實实動动傳传個个從从進进還还們们種种質质準准總总節节構构級级組组',
    '織织團团協协聯联黨党軍军莊庄營营舊旧鋪铺壩坝澤泽濱滨漢汉湯汤滿满潁颍瀋沈嶽岳崗岗鶴鹤綏绥楊杨劉刘趙赵陳陈',
    '張张孫孙鄧邓蕭萧羅罗盧卢葉叶魯鲁齊齐慶庆瀘泸貢贡紅红綠绿藍蓝歸归寶宝雙双廟庙壽寿樂乐陸陆隴陇溫温湧涌潛潜',
    '鄖郧韓韩閻阎鄒邹薊蓟鹽盐滬沪澗涧濰潍臨临滄沧遷迁騰腾鞏巩瑪玛譚谭鐘钟錦锦蘭兰蓮莲麗丽麥麦穀谷盤盘靈灵勞劳',
    '險险審审統统糧粮儲储執执綜综戶户證证認认訴诉議议覆复復复葦苇蕪芜頭头溪溪灤滦懷怀鄰邻蘆芦嶼屿礬矾贛赣饒饶',
    '撫抚樹树縉缙壺壶潤润瀏浏瀾澜湘湘寨寨鄲郸邯邯滎荥滷卤滸浒閘闸灃沣贛赣廈厦崇崇蕩荡鋼钢綿绵廬庐圍围湖湖',
  ]
    .join('')
    .match(/../gu)!
    .map((pair) => [pair[0], pair[1]]),
);

export function simplifyOrganChars(s: string): string {
  let out = '';
  for (const ch of s) out += T2S[ch] ?? ch;
  return out;
}

export interface RegionNames {
  province?: string | null;
  city?: string | null;
  county?: string | null;
}

const SUFFIX = /(人民政府|政府)$/;
const TOWNSHIP = /(乡|镇|街道|街道办事处|苏木|民族乡)$/;
const ADMIN_END = new Set(['省', '区', '市', '州', '盟', '县', '旗']);

/** 宣州区杨柳镇 → 杨柳镇: cut after the last admin suffix that leaves a name of 3+ characters. */
function stripCountyPrefix(s: string): string {
  const chars = [...s];
  for (let i = chars.length - 4; i >= 1; i--) {
    if (!ADMIN_END.has(chars[i])) continue;
    if (chars[i] === '州' && chars.slice(i - 2, i).join('') !== '自治') continue;
    return chars.slice(i + 1).join('');
  }
  return s;
}

/**
 * The normalised organ name. Leading place names are removed when they are the
 * organ's own province/city/county (given in `region`); a township's county
 * prefix (绥滨县连生乡) is removed even without a region, since the township
 * name and the division code identify it.
 */
export function organMatchKey(name: string, region?: RegionNames | null): string {
  let s = simplifyOrganChars(name)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s\u3000·•．.]/g, '');
  s = s.replace(/^中华人民共和国/, '');
  for (let i = 0; i < 2; i++) s = s.replace(SUFFIX, '');
  s = s.replace(/街道办事处$/, '街道');
  if (region) {
    for (const place of [region.province, region.city, region.county]) {
      const p = place ? simplifyOrganChars(place) : '';
      if (p && s.startsWith(p) && s.length > p.length) s = s.slice(p.length);
    }
  }
  if (TOWNSHIP.test(s)) s = stripCountyPrefix(s);
  return s;
}

export type MatchMethod = 'name+code' | 'name+county' | 'name';

export interface OrganIdentity {
  key: string;
  /** 6-digit county code (the first six digits of a township's code), or null */
  county6: string | null;
  countyName: string | null;
}

export function organIdentity(
  name: string,
  regionCode: string | null | undefined,
  region?: RegionNames | null,
): OrganIdentity {
  const code = regionCode && /^\d{6,}/.test(regionCode) ? regionCode.slice(0, 6) : null;
  return {
    key: organMatchKey(name, region),
    county6: code,
    countyName: region?.county ? simplifyOrganChars(region.county) : null,
  };
}

/** How two identities with the same key are the same organ, or null when their regions disagree. */
export function matchMethod(a: OrganIdentity, b: OrganIdentity): MatchMethod | null {
  if (a.key !== b.key || !a.key) return null;
  if (a.county6 && b.county6) return a.county6 === b.county6 ? 'name+code' : null;
  if (a.countyName && b.countyName) return a.countyName === b.countyName ? 'name+county' : null;
  return 'name';
}

export const MATCH_WORDS: Record<MatchMethod, string> = {
  'name+code': '按机关名称+区划代码匹配',
  'name+county': '按机关名称+所属县区匹配',
  name: '仅按机关名称匹配（区划不详）',
};
