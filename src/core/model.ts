/**
 * The domain model: what a coder looks up about a code, a modifier, a place of service.
 *
 * Every field of the reference record (`shared/seed/64866.txt`) has a home here; the
 * card renderer and the details view read only these types.
 */

/** The code sets a procedure code can belong to. */
export type CodeSystem =
  | 'CPT-I' // five digits: 64866
  | 'CPT-II' // four digits + F: 0001F
  | 'CPT-III' // four digits + T: 0042T
  | 'CPT-PLA' // four digits + U: 0001U
  | 'CPT-MAAA' // four digits + M: 0002M (administrative MAAA codes)
  | 'HCPCS-II'; // letter + four digits: J1100

export type CodeStatus = 'active' | 'deleted';

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

/** A quarter of a CMS release: `YYYY-MM` where MM is 01, 04, 07 or 10. */
export type Quarter = string;

/** CMS Physician Fee Schedule payment indicators of a code (PPRRVU file). */
export interface PfsIndicators {
  /** The RVU release the indicators come from, e.g. `2025-10`. */
  release: string;
  /** PFS status code: A active, B bundled, C carrier priced, I not valid for Medicare, ... */
  status: string;
  /** PC/TC indicator 0-9: whether the professional/technical split (26/TC) applies. */
  pctc: string;
  /** Global surgery days: 000, 010, 090, XXX, YYY, ZZZ, MMM. */
  globalDays: string;
  /** Multiple procedure indicator (modifier 51): 0-9. */
  multipleProcedure: string;
  /** Bilateral surgery indicator (modifier 50): 0-3, 9. */
  bilateral: string;
  /** Assistant at surgery indicator (modifiers 80/81/82/AS): 0, 1, 2, 9. */
  assistant: string;
  /** Co-surgeon indicator (modifier 62): 0, 1, 2, 9. */
  coSurgeon: string;
  /** Team surgery indicator (modifier 66): 0, 1, 2, 9. */
  team: string;
  /** Endoscopic base code, when the code is an endoscopy. */
  endoscopicBase?: string;
}

/** OPPS status indicators of one code, one entry per Addendum B quarter the data holds. */
export interface OppsHistory {
  /** Quarter -> status indicator (`C` = inpatient only). Missing quarter: code not in that release. */
  byQuarter: Record<Quarter, string>;
}

/** The seed's "as of" statement that a code is inpatient only, with its caveat. */
export interface InpatientOnlyNote {
  asOf: IsoDate;
  note: string;
}

/** Where a field's value came from (a pack id); shown in the details view. */
export type FieldSources = Partial<Record<keyof CodeRecord, string>>;

/** Everything known about one procedure code. Optional fields are absent when no loaded data has them. */
export interface CodeRecord {
  code: string;
  system: CodeSystem;
  /** The CPT/HCPCS code-set year the text belongs to, e.g. 2025. */
  codeSetYear?: number;
  status?: CodeStatus;
  effectiveDate?: IsoDate;
  terminationDate?: IsoDate;
  /** Codes that replace this one when it is deleted (HCPCS cross-reference). */
  replacedBy?: string[];
  section?: string;
  subsection?: string;
  shortDescriptor?: string;
  mediumDescriptor?: string;
  longDescriptor?: string;
  /** One-sentence summary of the procedure. */
  summary?: string;
  /** "In simple words": a plain-language description for patients and non-clinicians. */
  plainLanguage?: string;
  /** Clinical description of what the procedure involves. */
  procedureDetails?: string;
  /** Modifiers commonly applicable to this code, e.g. ['22', '51']. Names come from the modifier table. */
  commonModifiers?: string[];
  /** Free-text note about modifiers ("Modifiers may be applicable. ..."). */
  modifierNote?: string;
  medicalNecessity?: string;
  examples?: string[];
  documentation?: string;
  inpatientOnlyNote?: InpatientOnlyNote;
  specialties?: string[];
  /** Places of service, as written by the source (names, or CMS POS codes). */
  placesOfService?: string[];
  /** HCPCS Level II: Medicare coverage code and BETOS category. */
  coverage?: string;
  betos?: string;
  /** Add-on code: reported only with a primary procedure. */
  addOn?: boolean;
  pfs?: PfsIndicators;
  opps?: OppsHistory;
  /** Pack id per field, filled in by the merge. */
  sources?: FieldSources;
}

/** A modifier: CPT (two digits) or HCPCS Level II (two characters). */
export interface Modifier {
  code: string;
  kind: 'CPT' | 'HCPCS';
  name: string;
  description?: string;
  effectiveDate?: IsoDate;
  terminationDate?: IsoDate;
  source?: string;
}

/** A CMS place-of-service code. */
export interface PlaceOfService {
  code: string;
  name: string;
  description?: string;
}

/** A CPT section or subsection: a range of five-digit codes. */
export interface SectionRange {
  section: string;
  subsection?: string;
  start: string;
  end: string;
}

/** Meaning of an OPPS status indicator (Addendum D1 legend). */
export interface StatusIndicatorInfo {
  indicator: string;
  paid: string;
  description: string;
}

/** Severity of a finding, mapped to VS Code's DiagnosticSeverity by the adapter. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text range in a document: 0-based line and UTF-16 character, end exclusive. */
export interface Range {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** A modifier written at an occurrence of a code. */
export interface ModifierOccurrence {
  code: string;
  range: Range;
}

/** How sure the recognizer is that a token is a procedure code. */
export type Confidence = 'context' | 'known' | 'cue';

/** The facts of the service line an occurrence sits on, where the document says them. */
export interface LineFacts {
  placeOfService?: string;
  billType?: string;
  dateOfService?: IsoDate;
  units?: number;
  claimId?: string;
  lineNumber?: number;
  setting?: 'inpatient' | 'outpatient' | 'both';
  /** Where the place of service is written on this line (a POS cell, SV1-05, CLM05-1). */
  placeOfServiceRange?: Range;
}

/** One code found in a document. */
export interface CodeOccurrence {
  range: Range;
  /** The code as normalized (upper case). */
  code: string;
  /** The text as written. */
  text: string;
  system: CodeSystem;
  confidence: Confidence;
  modifiers: ModifierOccurrence[];
  facts: LineFacts;
  /** A value written in a code slot that is not a valid code shape (reported by `invalid-code`, never listed as a code). */
  invalid?: true;
}

/** A problem found in a document by a rule. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  code: string;
  /** The occurrence the finding is about. */
  occurrence: CodeOccurrence;
  /** Other places that explain the finding (e.g. the services that go unpaid with it). */
  related?: { range: Range; message: string }[];
  /** What a quick fix may do, computed by the rule (the host turns it into an edit). */
  fixes?: FindingFix[];
}

/** A fix a rule proposes: replace the text of a range. */
export interface FindingFix {
  title: string;
  range: Range;
  newText: string;
  /** Safe to apply to every finding of this rule in a file at once. */
  safeForAll?: boolean;
}
