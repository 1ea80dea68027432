/**
 * Whether a service line is billed as outpatient or inpatient, from what the document says:
 * the institutional bill type, the place of service, or a price-transparency `setting`.
 */
import type { LineFacts } from '../model';
import type { DefaultSetting } from './types';

export interface LineSetting {
  setting: 'inpatient' | 'outpatient';
  /** What said so, for messages: "837I bill type 131", "place of service 22". */
  because: string;
}

/** Bill types (first two digits) paid under OPPS or an outpatient system: hospital Part B 12x/13x/14x, ASC 83x, CAH outpatient 85x. */
const OUTPATIENT_BILL_TYPES = new Set(['12', '13', '14', '83', '85']);
/** Inpatient bill types: hospital inpatient 11x, CAH inpatient... (11x, 18x swing bed, 21x SNF inpatient). */
const INPATIENT_BILL_TYPES = new Set(['11', '18', '21', '41', '51', '61']);

/** Places of service where a hospital inpatient-only procedure is not paid: outpatient hospital, ASC, office and clinic settings. */
export const OUTPATIENT_POS = new Set(['11', '15', '17', '19', '20', '22', '23', '24', '49', '50', '53', '57', '58', '62', '65', '71', '72']);
/** Inpatient places of service: inpatient hospital, inpatient psychiatric facility, comprehensive inpatient rehabilitation facility. */
export const INPATIENT_POS = new Set(['21', '51', '61']);

export function lineSetting(facts: LineFacts, fallback: DefaultSetting = 'unknown'): LineSetting | undefined {
  // Asked for every line by two rules: the answers are shared objects, one per value written.
  if (facts.billType) {
    const byBillType = remembered(billTypeSettings, facts.billType, billTypeSetting);
    if (byBillType) return byBillType;
  }
  if (facts.placeOfService) {
    const byPos = remembered(posSettings, facts.placeOfService, posSetting);
    if (byPos) return byPos;
  }
  if (facts.setting === 'outpatient' || facts.setting === 'inpatient') return WRITTEN_SETTING[facts.setting];
  if (fallback !== 'unknown') return DEFAULT_SETTING[fallback];
  return undefined;
}

function billTypeSetting(billType: string): LineSetting | undefined {
  const bt = billType.replace(/^0/, '').slice(0, 2);
  if (OUTPATIENT_BILL_TYPES.has(bt)) return { setting: 'outpatient', because: `bill type ${billType}` };
  if (INPATIENT_BILL_TYPES.has(bt)) return { setting: 'inpatient', because: `bill type ${billType}` };
  return undefined;
}

function posSetting(pos: string): LineSetting | undefined {
  if (OUTPATIENT_POS.has(pos)) return { setting: 'outpatient', because: `place of service ${pos}` };
  if (INPATIENT_POS.has(pos)) return { setting: 'inpatient', because: `place of service ${pos}` };
  return undefined;
}

const WRITTEN_SETTING: Record<'inpatient' | 'outpatient', LineSetting> = {
  inpatient: { setting: 'inpatient', because: 'setting "inpatient"' },
  outpatient: { setting: 'outpatient', because: 'setting "outpatient"' },
};
const DEFAULT_SETTING: Record<'inpatient' | 'outpatient', LineSetting> = {
  inpatient: { setting: 'inpatient', because: 'the default setting (cptLens.rules.defaultSetting: inpatient)' },
  outpatient: { setting: 'outpatient', because: 'the default setting (cptLens.rules.defaultSetting: outpatient)' },
};

const billTypeSettings = new Map<string, LineSetting | null>();
const posSettings = new Map<string, LineSetting | null>();
/** Documents may write anything there: the memo is emptied rather than grown without bound. */
const MEMO_LIMIT = 4096;

function remembered(memo: Map<string, LineSetting | null>, value: string, compute: (v: string) => LineSetting | undefined): LineSetting | undefined {
  let answer = memo.get(value);
  if (answer === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(value, (answer = compute(value) ?? null));
  }
  return answer ?? undefined;
}
