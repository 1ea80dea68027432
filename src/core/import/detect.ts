/**
 * Which format a file is, judged from its content (the first 64 KB); the file name is
 * never the deciding signal. A mapping in the options means "read it as my own list".
 */
import { ImportError } from './errors';
import { delimited, normHeader } from './reader';
import { FORMAT_LABELS, ImportFormat, ImportOptions } from './types';

export interface Detected {
  format: ImportFormat;
  /** Why, in words (shown by "found: ..."). */
  reason: string;
}

const HEAD = 65536;
/** A PPRRVU fixed-width row: code, modifier, 50-character descriptor, status at column 58, PC/TC and global days at 103-106. */
export const PFS_FIXED_RE = /^[0-9A-Z]{5}[0-9A-Z ]{2}.{50}[A-Z].{44}[0-9][0-9XYZM]{3}/;
/** An HCPCS ANWEB record: 5-character code (modifiers right-aligned), 5-digit sequence, record id 3, 4, 7 or 8. */
export const HCPCS_FIXED_RE = /^[ 0-9A-Z]{5}\d{5}[3478]/;
/** An AMA descriptor line: code, then a tab or one space, then text. */
export const AMA_LINE_RE = /^([0-9]{4}[0-9A-Z])(\t| )(\S.*)$/;

export function detectFormat(text: string, file: string, options: ImportOptions = {}): Detected {
  if (options.format) return { format: options.format, reason: 'format given in the options' };
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  const start = head.replace(/^[\s\ufeff]+/, '');
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/"format"\s*:\s*"cpt-lens-pack"/.test(head)) return { format: 'cptlens-pack', reason: '"format": "cpt-lens-pack"' };
    if (options.mapping) return { format: 'mapped-json', reason: 'JSON with a column mapping' };
    throw new ImportError(file, 1, 'JSON that is not a CPT Lens data pack (no "format": "cpt-lens-pack"); to read a JSON list of your own, give a column mapping');
  }
  if (options.mapping) return { format: 'mapped-csv', reason: 'delimited text with a column mapping' };

  const lines = head.split(/\r\n|\n|\r/).slice(0, 60);
  if (text.length > HEAD) lines.pop(); // may be cut off
  const nonBlank = lines.filter((l) => l.trim() !== '');

  if (nonBlank[0]?.startsWith('HDR ') || nonBlank.filter((l) => PFS_FIXED_RE.test(l)).length >= 3) {
    if (nonBlank.some((l) => PFS_FIXED_RE.test(l))) return { format: 'cms-pfs-rvu-fixed', reason: 'HDR lines and fixed-width PPRRVU rows' };
  }
  if (lines.some((l) => l.length >= 250 && HCPCS_FIXED_RE.test(l))) {
    return { format: 'cms-hcpcs-fixed', reason: 'fixed-width HCPCS records (code, sequence, record id)' };
  }
  if (head.includes('\t')) {
    for (const l of lines) {
      const cells = l.split('\t').map(normHeader);
      if (cells[0] === 'column 1' && cells[1] === 'column 2') return { format: 'ncci-ptp', reason: 'header "Column 1 / Column 2"' };
      if (cells[0]?.startsWith('column1/column2')) return { format: 'ncci-ptp', reason: 'header "Column1/Column2 Edits"' };
      if (cells.includes('cpt code') && cells.some((c) => c.includes('consumer'))) return { format: 'ama-consumer', reason: 'header "Consumer Friendly Descriptor"' };
      if (cells.includes('cpt code') && cells.some((c) => c.includes('clinician descriptor'))) return { format: 'ama-clinician', reason: 'header "Clinician Descriptor"' };
    }
  }
  const firstCode = nonBlank.findIndex((l) => AMA_LINE_RE.test(l));
  if (firstCode >= 0) {
    const after = nonBlank.slice(firstCode);
    const matching = after.filter((l) => AMA_LINE_RE.test(l)).length;
    if (matching === after.length || (matching >= 2 && matching >= after.length * 0.75)) {
      return { format: 'ama-descriptors', reason: 'lines of a code, a separator and a descriptor' };
    }
  }

  const rows: string[][] = [];
  try {
    for (const r of delimited(head, file, { delimiter: ',', quotes: true })) {
      rows.push(r.fields.map(normHeader));
      if (rows.length >= 40) break;
    }
  } catch {
    // An unterminated quote within the first 64 KB is judged by the importer, which sees it all.
  }
  for (const cells of rows) {
    if (cells[0] === 'hcpcs' && cells.includes('mod') && cells.includes('description')) return { format: 'cms-pfs-rvu', reason: 'header HCPCS, MOD, DESCRIPTION' };
    if (cells.includes('hcpc') && cells.includes('recid')) return { format: 'cms-hcpcs', reason: 'header HCPC, RECID' };
    if (cells.some((c) => c.replace(/ /g, '').startsWith('hcpcs/cptcode')) && cells.some((c) => c.includes('mue'))) return { format: 'ncci-mue', reason: 'header "HCPCS/CPT Code", "MUE Values"' };
    if (cells.some((c) => OPPS_CODE_HEADERS.has(c)) && cells.some((c) => OPPS_SI_HEADERS.has(c))) return { format: 'cms-opps-addendum-b', reason: 'header HCPCS code and status indicator' };
  }
  const known = (Object.keys(FORMAT_LABELS) as ImportFormat[]).filter((f) => !f.startsWith('mapped')).map((f) => FORMAT_LABELS[f]);
  throw new ImportError(file, 1, `format not recognized. CPT Lens reads: ${known.join('; ')}. For a list of your own (charge codes, a payer list), add a column mapping`);
}

export const OPPS_CODE_HEADERS = new Set(['hcpcscode', 'hcpcs code', 'hcpcs', 'cpt/hcpcs', 'cpt/ hcpcs', 'hcpcs/cpt']);
export const OPPS_SI_HEADERS = new Set(['statusindicator', 'status indicator', 'si', 'opps si']);
