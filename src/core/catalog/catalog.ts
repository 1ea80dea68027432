/**
 * The catalog: every loaded pack merged into one queryable set of codes, modifiers and
 * places of service. Later packs override earlier ones field by field (user files over
 * bundled data); the pack that supplied each field is kept in `record.sources`.
 *
 * Records are merged on first request and memoized, so building a catalog is cheap.
 */
import type { CodeRecord, Modifier, OppsHistory, PfsIndicators, PlaceOfService, SectionRange, StatusIndicatorInfo } from '../model';
import { codeShape } from '../codes/shapes';
import type { DataPack, PackCode, PfsColumn } from '../pack/types';

export interface PackSummary {
  id: string;
  title: string;
  asOf?: string;
  license: string;
  codes: number;
  modifiers: number;
}

export class Catalog {
  private readonly codeEntries = new Map<string, { pack: string; year?: number; entry: PackCode }[]>();
  private readonly pfsRows = new Map<string, { release: string; pack: string; columns: PfsColumn[]; values: string[] }>();
  private readonly oppsQuarters: string[] = [];
  private readonly oppsStatus = new Map<string, Map<string, string>>();
  private oppsPack = '';
  private readonly modifierTable = new Map<string, Modifier>();
  private readonly posTable = new Map<string, PlaceOfService>();
  private readonly sectionList: SectionRange[] = [];
  private sectionsPack = '';
  private readonly siLegend = new Map<string, StatusIndicatorInfo>();
  private readonly memo = new Map<string, CodeRecord | null>();
  private sortedCodes: string[] | undefined;

  constructor(readonly packs: readonly DataPack[]) {
    for (const pack of packs) this.add(pack);
  }

  private add(pack: DataPack): void {
    for (const [code, entry] of Object.entries(pack.codes ?? {})) {
      const key = code.trim().toUpperCase();
      let list = this.codeEntries.get(key);
      if (!list) this.codeEntries.set(key, (list = []));
      list.push({ pack: pack.id, year: pack.codeSetYear, entry });
    }
    if (pack.pfs) {
      for (const [code, values] of Object.entries(pack.pfs.rows)) {
        this.pfsRows.set(code.toUpperCase(), { release: pack.pfs.release, pack: pack.id, columns: pack.pfs.columns, values });
      }
    }
    if (pack.opps) {
      const quarters = pack.opps.quarters;
      for (const q of quarters) if (!this.oppsQuarters.includes(q)) this.oppsQuarters.push(q);
      this.oppsQuarters.sort();
      for (const [code, row] of Object.entries(pack.opps.status)) {
        const key = code.toUpperCase();
        let byQuarter = this.oppsStatus.get(key);
        if (!byQuarter) this.oppsStatus.set(key, (byQuarter = new Map()));
        row.forEach((si, i) => {
          if (si !== null && si !== undefined) byQuarter!.set(quarters[i], si);
        });
      }
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
    return this.codeEntries.has(code) || this.pfsRows.has(code) || this.oppsStatus.has(code);
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
    for (const { pack, year, entry } of this.codeEntries.get(code) ?? []) {
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
    const pfs = this.pfsRows.get(code);
    if (pfs) {
      record.pfs = toPfs(pfs.release, pfs.columns, pfs.values);
      sources.pfs = pfs.pack;
    }
    const opps = this.oppsStatus.get(code);
    if (opps) {
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
    return [...this.codeEntries.keys()];
  }

  /** Every known code, sorted, for prefix search. */
  codes(): readonly string[] {
    if (!this.sortedCodes) {
      const all = new Set<string>([...this.codeEntries.keys(), ...this.pfsRows.keys(), ...this.oppsStatus.keys()]);
      this.sortedCodes = [...all].filter((c) => codeShape(c) !== undefined).sort();
    }
    return this.sortedCodes;
  }

  summaries(): PackSummary[] {
    return this.packs.map((p) => ({
      id: p.id,
      title: p.title,
      asOf: p.asOf,
      license: p.source.license,
      codes: Object.keys(p.codes ?? {}).length + Object.keys(p.pfs?.rows ?? {}).length + Object.keys(p.opps?.status ?? {}).length,
      modifiers: Object.keys(p.modifiers ?? {}).length,
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
