/**
 * The catalog: every loaded pack merged into one queryable set of codes, modifiers and
 * places of service. Later packs override earlier ones field by field (user files over
 * bundled data); the pack that supplied each field is kept in `record.sources`.
 *
 * Records are merged on first request and memoized, so building a catalog is cheap.
 */
import type { CodeRecord, IsoDate, Modifier, OppsHistory, PfsIndicators, PlaceOfService, SectionRange, StatusIndicatorInfo } from '../model';
import { codeShape } from '../codes/shapes';
import type { DataPack, MueSetting, PackCode, PfsColumn, PtpModifierIndicator, PtpSetting } from '../pack/types';
import { codeKey, rowKey, tableSize } from '../pack/lazyTable';
import { PackTable, packTable } from './packTable';

/** One NCCI procedure-to-procedure edit: column 2 is not paid with column 1 unless the modifier indicator allows it. */
export interface PtpEdit {
  column1: string;
  column2: string;
  effectiveDate: IsoDate;
  /** Absent while the edit is in force. */
  deletionDate?: IsoDate;
  /** 0 no modifier bypasses the edit, 1 an NCCI-associated modifier may, 9 not applicable (edit deleted). */
  modifierIndicator: PtpModifierIndicator;
  rationale: string;
  setting?: PtpSetting;
  release?: string;
  /** Pack id. */
  source: string;
}

/** One NCCI medically unlikely edit: the most units of a code per line or per day. */
export interface MueValue {
  code: string;
  value: number;
  /** 1 line edit, 2 date of service edit (policy), 3 date of service edit (clinical). */
  adjudicationIndicator: number;
  adjudication: string;
  rationale: string;
  setting?: MueSetting;
  release?: string;
  source: string;
}

export const MUE_ADJUDICATION: Record<number, string> = {
  1: 'Line Edit',
  2: 'Date of Service Edit: Policy',
  3: 'Date of Service Edit: Clinical',
};

const isoOfYmd = (n: number): IsoDate => {
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/** Whether a PTP edit applies on a date of service: effective on or before it, not deleted before it. */
export function ptpInForce(edit: PtpEdit, date: IsoDate): boolean {
  return edit.effectiveDate <= date && (edit.deletionDate === undefined || edit.deletionDate >= date);
}

export interface PackSummary {
  id: string;
  title: string;
  asOf?: string;
  license: string;
  codes: number;
  modifiers: number;
  /** NCCI PTP edits and MUE values the pack holds (absent when none). */
  ptpEdits?: number;
  mueValues?: number;
}

/** One code's OPPS status indicators in one pack: `row[i]` is the status in `quarters[i]` (null: not listed). */
interface OppsRow {
  quarters: readonly string[];
  row: readonly (string | null | undefined)[];
}

/** A code's status per quarter over its rows in merge order (a later pack wins a quarter). */
function statusByQuarter(rows: readonly OppsRow[]): Map<string, string> {
  const byQuarter = new Map<string, string>();
  for (const { quarters, row } of rows) {
    for (let i = 0; i < row.length; i++) {
      const si = row[i];
      if (si !== null && si !== undefined) byQuarter.set(quarters[i], si);
    }
  }
  return byQuarter;
}

export class Catalog {
  /**
   * The packs' keyed tables in merge order, read in place: nothing is copied per code, and a
   * table the pack parser left lazy stays unparsed until a code is asked for.
   */
  private readonly codeTables: { pack: string; year?: number; table: PackTable<PackCode> }[] = [];
  private readonly pfsTables: { release: string; pack: string; columns: PfsColumn[]; table: PackTable<string[]> }[] = [];
  private readonly oppsQuarters: string[] = [];
  /** OPPS status rows as the packs hold them: a row is indexed like its pack's quarters. */
  private readonly oppsTables: { quarters: readonly string[]; table: PackTable<(string | null)[]> }[] = [];
  private oppsPack = '';
  private readonly modifierTable = new Map<string, Modifier>();
  private readonly posTable = new Map<string, PlaceOfService>();
  private readonly sectionList: SectionRange[] = [];
  private sectionsPack = '';
  private readonly siLegend = new Map<string, StatusIndicatorInfo>();
  private readonly memo = new Map<string, CodeRecord | null>();
  private readonly known = new Map<string, boolean>();
  private sortedCodes: string[] | undefined;
  private column2Index: Map<string, Set<string>> | undefined;

  constructor(readonly packs: readonly DataPack[]) {
    for (const pack of packs) this.add(pack);
  }

  private add(pack: DataPack): void {
    const codes = packTable<PackCode>(pack, 'codes', codeKey);
    if (codes) this.codeTables.push({ pack: pack.id, year: pack.codeSetYear, table: codes });
    if (pack.pfs) {
      const rows = packTable<string[]>(pack.pfs, 'rows', rowKey);
      if (rows) this.pfsTables.push({ release: pack.pfs.release, pack: pack.id, columns: pack.pfs.columns, table: rows });
    }
    if (pack.opps) {
      const quarters = pack.opps.quarters;
      for (const q of quarters) if (!this.oppsQuarters.includes(q)) this.oppsQuarters.push(q);
      this.oppsQuarters.sort();
      const status = packTable<(string | null)[]>(pack.opps, 'status', rowKey);
      if (status) this.oppsTables.push({ quarters, table: status });
      for (const info of pack.opps.legend ?? []) this.siLegend.set(info.indicator, info);
      this.oppsPack = pack.id;
    }
    for (const [code, m] of Object.entries(pack.modifiers ?? {})) {
      const key = code.toUpperCase();
      this.modifierTable.set(key, { ...m, code: key, source: pack.id });
    }
    for (const [code, p] of Object.entries(pack.placesOfService ?? {})) {
      this.posTable.set(code, { ...p, code });
    }
    if (pack.sections) {
      this.sectionList.push(...pack.sections);
      this.sectionsPack = pack.id;
    }
  }

  /** Whether any loaded data knows the code (descriptor, PFS indicators or OPPS status). */
  knows(code: string): boolean {
    // Asked for every candidate in a document, mostly the same few codes again: one lookup, not one per table.
    let known = this.known.get(code);
    if (known === undefined) {
      known = this.codeTables.some((t) => t.table.has(code)) || this.pfsTables.some((t) => t.table.has(code)) || this.oppsTables.some((t) => t.table.has(code));
      if (this.known.size >= 100_000) this.known.clear();
      this.known.set(code, known);
    }
    return known;
  }

  /** The merged record of a code, or undefined when no data knows it. */
  record(code: string): CodeRecord | undefined {
    const key = code.toUpperCase();
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const built = this.build(key);
    this.memo.set(key, built ?? null);
    return built;
  }

  private build(code: string): CodeRecord | undefined {
    if (!this.knows(code)) return undefined;
    const system = codeShape(code);
    const record: CodeRecord = { code, system: system ?? 'HCPCS-II', sources: {} };
    const sources = record.sources!;
    for (const { pack, year, table } of this.codeTables) {
      for (const entry of table.get(code) ?? []) {
        // A pack's code-set year is the default for its codes.
        if (year !== undefined && entry.codeSetYear === undefined) {
          record.codeSetYear = year;
          sources.codeSetYear = pack;
        }
        for (const [field, value] of Object.entries(entry)) {
          if (value === undefined || value === null) continue;
          (record as unknown as Record<string, unknown>)[field] = value;
          sources[field as keyof CodeRecord] = pack;
        }
      }
    }
    const section = this.sectionOf(code);
    if (section) {
      if (!record.section) {
        record.section = section.section;
        sources.section = this.sectionsPack;
      }
      if (!record.subsection && section.subsection) {
        record.subsection = section.subsection;
        sources.subsection = this.sectionsPack;
      }
    }
    // The last pack's row wins, and within a pack the last of equal keys.
    for (let i = this.pfsTables.length - 1; i >= 0; i--) {
      const pfs = this.pfsTables[i];
      const rows = pfs.table.get(code);
      if (!rows) continue;
      record.pfs = toPfs(pfs.release, pfs.columns, rows[rows.length - 1]);
      sources.pfs = pfs.pack;
      break;
    }
    const oppsRows: OppsRow[] = [];
    for (const { quarters, table } of this.oppsTables) for (const row of table.get(code) ?? []) oppsRows.push({ quarters, row });
    if (oppsRows.length) {
      const opps = statusByQuarter(oppsRows);
      const history: OppsHistory = { byQuarter: {} };
      for (const q of this.oppsQuarters) {
        const si = opps.get(q);
        if (si !== undefined) history.byQuarter[q] = si;
      }
      record.opps = history;
      sources.opps = this.oppsPack;
    }
    return record;
  }

  /** The innermost CPT section range holding a five-digit numeric code. */
  sectionOf(code: string): SectionRange | undefined {
    if (codeShape(code) !== 'CPT-I') return undefined;
    let best: SectionRange | undefined;
    for (const s of this.sectionList) {
      if (code >= s.start && code <= s.end) {
        if (!best || (s.subsection && !best.subsection) || rangeWidth(s) < rangeWidth(best)) best = s;
      }
    }
    return best;
  }

  modifier(code: string): Modifier | undefined {
    return this.modifierTable.get(code.toUpperCase());
  }

  modifiers(): Modifier[] {
    return [...this.modifierTable.values()];
  }

  placeOfService(code: string): PlaceOfService | undefined {
    const key = code.length === 1 ? `0${code}` : code;
    return this.posTable.get(key);
  }

  placesOfService(): PlaceOfService[] {
    return [...this.posTable.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The quarters of OPPS status data loaded, oldest first. */
  quarters(): readonly string[] {
    return this.oppsQuarters;
  }

  statusIndicator(si: string): StatusIndicatorInfo | undefined {
    return this.siLegend.get(si);
  }

  /** Codes that some pack describes with text (not only indicators). */
  describedCodes(): string[] {
    const described = new Set<string>();
    for (const { table } of this.codeTables) for (const code of table.keys()) described.add(code);
    return [...described];
  }

  /** Every known code, sorted, for prefix search. */
  codes(): readonly string[] {
    if (!this.sortedCodes) {
      const all = new Set<string>();
      for (const { table } of this.keyedTables()) for (const code of table.keys()) all.add(code);
      this.sortedCodes = sortedCodes(all);
    }
    return this.sortedCodes;
  }

  /**
   * Makes `codes()` a table at a time with `pause` between tables (it resolves false to give up):
   * reading a large pack's keys takes 15-20 ms while the host's code is cold, all of them 70-90 ms.
   * Resolves whether the list is made.
   */
  async codesInSlices(pause: () => Promise<boolean>): Promise<boolean> {
    const all = new Set<string>();
    for (const { table } of this.keyedTables()) {
      if (this.sortedCodes) return true;
      for (const code of table.keys()) all.add(code);
      if (!(await pause())) return false;
    }
    this.sortedCodes ??= sortedCodes(all);
    return true;
  }

  /** The tables keyed by code: descriptors, PFS rows, OPPS statuses. */
  private keyedTables(): { table: PackTable<unknown> }[] {
    return [...this.codeTables, ...this.pfsTables, ...this.oppsTables];
  }

  /**
   * NCCI PTP edits of a code: as column 1 (default), as column 2, or either. Packs are read in
   * merge order and a later pack's edit replaces an earlier one for the same pair and setting.
   * Nothing is indexed until the first call; the column-2 index is built on its first use.
   */
  ptpEdits(code: string, role: 'column1' | 'column2' | 'either' = 'column1'): PtpEdit[] {
    const key = code.trim().toUpperCase();
    const out = new Map<string, PtpEdit>();
    const add = (column1: string, only?: string): void => {
      for (const pack of this.packs) {
        const ptp = pack.ptp;
        const rows = ptp?.edits[column1];
        if (!ptp || !rows) continue;
        for (const [column2, effective, deletion, modifierIndicator, rationale] of rows) {
          if (only !== undefined && column2 !== only) continue;
          const edit: PtpEdit = {
            column1, column2, effectiveDate: isoOfYmd(effective), modifierIndicator, rationale: ptp.rationales[rationale] ?? '', source: pack.id,
          };
          if (deletion !== null) edit.deletionDate = isoOfYmd(deletion);
          if (ptp.setting) edit.setting = ptp.setting;
          if (ptp.release) edit.release = ptp.release;
          out.set(`${ptp.setting ?? ''}|${column1}|${column2}`, edit);
        }
      }
    };
    if (role !== 'column2') add(key);
    if (role !== 'column1') for (const column1 of this.column2Of(key)) add(column1, key);
    return [...out.values()];
  }

  /** The edits between two codes in either order (column 1 first), in merge order. */
  ptpEditsBetween(a: string, b: string): PtpEdit[] {
    const x = a.trim().toUpperCase();
    const y = b.trim().toUpperCase();
    return [...this.ptpEdits(x).filter((e) => e.column2 === y), ...this.ptpEdits(y).filter((e) => e.column2 === x)];
  }

  private column2Of(code: string): Set<string> {
    if (!this.column2Index) {
      this.column2Index = new Map();
      for (const pack of this.packs) {
        for (const [column1, rows] of Object.entries(pack.ptp?.edits ?? {})) {
          for (const row of rows) {
            let set = this.column2Index.get(row[0]);
            if (!set) this.column2Index.set(row[0], (set = new Set()));
            set.add(column1);
          }
        }
      }
    }
    return this.column2Index.get(code) ?? new Set();
  }

  /** Every MUE of a code, one per setting; a later pack replaces an earlier one of the same setting. */
  mues(code: string): MueValue[] {
    const key = code.trim().toUpperCase();
    const out = new Map<string, MueValue>();
    for (const pack of this.packs) {
      const mue = pack.mue;
      const row = mue?.values[key];
      if (!mue || !row) continue;
      const [value, adjudicationIndicator, rationale] = row;
      const v: MueValue = {
        code: key, value, adjudicationIndicator, adjudication: MUE_ADJUDICATION[adjudicationIndicator] ?? String(adjudicationIndicator),
        rationale: mue.rationales[rationale] ?? '', source: pack.id,
      };
      if (mue.setting) v.setting = mue.setting;
      if (mue.release) v.release = mue.release;
      out.set(mue.setting ?? '', v);
    }
    return [...out.values()];
  }

  /** The MUE of a code for a setting; without one, the practitioner value when loaded, else the first. */
  mue(code: string, setting?: MueSetting): MueValue | undefined {
    const all = this.mues(code);
    if (setting) return all.find((m) => m.setting === setting);
    return all.find((m) => m.setting === 'practitioner') ?? all[0];
  }

  summaries(): PackSummary[] {
    return this.packs.map((p) => ({
      id: p.id,
      title: p.title,
      asOf: p.asOf,
      license: p.source.license,
      codes: tableSize(p, 'codes') + tableSize(p.pfs, 'rows') + tableSize(p.opps, 'status'),
      modifiers: Object.keys(p.modifiers ?? {}).length,
      ...(p.ptp ? { ptpEdits: Object.values(p.ptp.edits).reduce((n, rows) => n + rows.length, 0) } : {}),
      ...(p.mue ? { mueValues: Object.keys(p.mue.values).length } : {}),
    }));
  }
}

function rangeWidth(s: SectionRange): number {
  return Number(s.end) - Number(s.start);
}

function toPfs(release: string, columns: PfsColumn[], values: string[]): PfsIndicators {
  const get = (c: PfsColumn): string => values[columns.indexOf(c)] ?? '';
  const pfs: PfsIndicators = {
    release,
    status: get('status'),
    pctc: get('pctc'),
    globalDays: get('globalDays'),
    multipleProcedure: get('multipleProcedure'),
    bilateral: get('bilateral'),
    assistant: get('assistant'),
    coSurgeon: get('coSurgeon'),
    team: get('team'),
  };
  const endo = get('endoscopicBase');
  if (endo) pfs.endoscopicBase = endo;
  return pfs;
}

/** The codes of `all` that have a code's shape, sorted (prefix search reads them in order). */
function sortedCodes(all: ReadonlySet<string>): string[] {
  return [...all].filter((c) => codeShape(c) !== undefined).sort();
}
