/** What kind of organ wrote a report — department, government or township — for C28's deadline and C11's peers. */

export type OrganLevelKind = 'department' | 'government' | 'township';

export interface LevelReading {
  kind: OrganLevelKind;
  /** how it was known: the manifest's level, or inferred from the organ's name */
  from: 'level' | 'name';
  text: string;
}

/** 县级部门 / 市级政府 / 乡镇 … as written in a manifest, or inferred from the organ's name. */
export function readLevel(level: string | null | undefined, organ: string | null | undefined): LevelReading | null {
  const l = (level ?? '').trim();
  if (l) {
    if (/乡|镇|街道|苏木/.test(l)) return { kind: 'township', from: 'level', text: l };
    if (/部门|局|委|办|厅|单位/.test(l)) return { kind: 'department', from: 'level', text: l };
    if (/政府/.test(l)) return { kind: 'government', from: 'level', text: l };
  }
  const o = (organ ?? '').replace(/[（(][^）)]*[）)]/g, '').trim();
  if (!o) return null;
  if (/(乡|镇|街道|街道办事处|苏木)(人民政府)?$/.test(o)) return { kind: 'township', from: 'name', text: o };
  if (/(省|自治区|市|州|盟|地区|县|区|旗)人民政府$/.test(o)) return { kind: 'government', from: 'name', text: o };
  if (/(局|委员会|委|办公室|厅|中心|院|所|站|队)$/.test(o)) return { kind: 'department', from: 'name', text: o };
  return null;
}
