/**
 * Every check of CHECKS.md, each defined once in rules/. The list is in id
 * order; where a check's result is stored (reports.checks) follows from its id,
 * not from its place here (src/db/checkCodes.ts).
 */
import type { CheckDefinition } from './defineCheck';
import carryBalance from './rules/carryBalance';
import carryOverChain from './rules/carryOverChain';
import copiedAcrossOrgans from './rules/copiedAcrossOrgans';
import copiedFromLastYear from './rules/copiedFromLastYear';
import countsValid from './rules/countsValid';
import feeDenial from './rules/feeDenial';
import feeStatement from './rules/feeStatement';
import feeUnit from './rules/feeUnit';
import figureJumps from './rules/figureJumps';
import impliedBounds from './rules/impliedBounds';
import inForceChain from './rules/inForceChain';
import noOldLabels from './rules/noOldLabels';
import procurementUnit from './rules/procurementUnit';
import publishedOnTime from './rules/publishedOnTime';
import resultTotals from './rules/resultTotals';
import reviewTotals from './rules/reviewTotals';
import rowTotals from './rules/rowTotals';
import section1Topics from './rules/section1Topics';
import section5Substance from './rules/section5Substance';
import sectionsInOrder from './rules/sectionsInOrder';
import statedTotalsMatch from './rules/statedTotalsMatch';
import stockChain from './rules/stockChain';
import table2Complete from './rules/table2Complete';
import table3Complete from './rules/table3Complete';
import table4Complete from './rules/table4Complete';
import templateChange from './rules/templateChange';
import templateMatchesYear from './rules/templateMatchesYear';
import zeroClaim from './rules/zeroClaim';

export const CATALOGUE: readonly CheckDefinition[] = [
  sectionsInOrder, // C01
  templateMatchesYear, // C02
  noOldLabels, // C03
  table3Complete, // C04
  table4Complete, // C05
  table2Complete, // C06
  section1Topics, // C07
  section5Substance, // C08
  feeStatement, // C09
  procurementUnit, // C10
  feeUnit, // C11
  carryBalance, // C12
  rowTotals, // C13
  resultTotals, // C14
  reviewTotals, // C15
  countsValid, // C16
  impliedBounds, // C17
  carryOverChain, // C18
  inForceChain, // C19
  stockChain, // C20
  templateChange, // C21
  copiedFromLastYear, // C22
  copiedAcrossOrgans, // C23
  figureJumps, // C24
  statedTotalsMatch, // C25
  feeDenial, // C26
  zeroClaim, // C27
  publishedOnTime, // C28
];
