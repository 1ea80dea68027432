// HCPCS Level II codes (RECID 3) and modifiers (RECID 7) from the CMS alpha-numeric file.
import { join } from 'node:path';
import { readCsvObjects } from './csv.mjs';
import { CODE_RE, CPT_SHAPED_RE, isoFromYmd, makePack } from './pack.mjs';
import { sortedMap } from './json.mjs';

export const HCPCS_FILE = 'cms-hcpcs-level2/HCPC2025_OCT_ANWEB_v4.csv';
const RELEASE = '2025-10';
/** The first day of the release: a termination date before it is in the past. */
const RELEASE_START = '2025-10-01';
const CODE_SET_YEAR = 2025;
const MODIFIER_NAME_MAX = 60;
/**
 * CMS long descriptors add about 1 MB (the G-code quality measures run to 4,500 characters),
 * but drug codes state their billing unit only there ("Injection, ..., 1 mg"): coders need them.
 * The .vsix is compressed, so the whole data folder still ships in well under 1 MB.
 */
export const INCLUDE_LONG_DESCRIPTORS = true;

export function buildHcpcsPack(rawDir, notes) {
  const path = join(rawDir, HCPCS_FILE);
  const { header, records } = readCsvObjects(path);
  for (const col of ['HCPC', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', 'XREF1', 'XREF5', 'COV', 'BETOS', 'ADD DT', 'TERM DT']) {
    if (!header.includes(col)) throw new Error(`${path}: missing column ${col}`);
  }
  const codes = [];
  const modifiers = [];
  const skippedCptShaped = [];
  const droppedXrefs = [];
  const otherRecids = new Map();
  let deleted = 0;
  let activeWithXref = 0;

  for (const r of records) {
    const at = `${HCPCS_FILE}:${r.__line}`;
    const code = r.HCPC.replace(/[\s\u00a0]/g, '').toUpperCase();
    const effectiveDate = isoFromYmd(r['ADD DT'], at);
    const terminationDate = isoFromYmd(r['TERM DT'], at);
    if (r.RECID === '3') {
      if (CPT_SHAPED_RE.test(code)) {
        skippedCptShaped.push(code);
        continue;
      }
      if (!CODE_RE.test(code)) throw new Error(`${at}: unexpected code shape "${r.HCPC}"`);
      const status = terminationDate && terminationDate < RELEASE_START ? 'deleted' : 'active';
      if (status === 'deleted') deleted++;
      const xrefs = [];
      for (let i = 1; i <= 5; i++) {
        const x = r[`XREF${i}`].trim().toUpperCase();
        if (!x) continue;
        if (CODE_RE.test(x)) xrefs.push(x);
        else droppedXrefs.push(`${code} -> "${x}"`);
      }
      if (xrefs.length && status === 'active') activeWithXref++;
      // system (HCPCS-II, from the code's shape) and codeSetYear (the pack's) are not
      // repeated per code: together they would cost 330 kB.
      const rec = { status };
      if (effectiveDate) rec.effectiveDate = effectiveDate;
      if (terminationDate) rec.terminationDate = terminationDate;
      if (xrefs.length) rec.replacedBy = [...new Set(xrefs)];
      if (r['SHORT DESCRIPTION'].trim()) rec.shortDescriptor = r['SHORT DESCRIPTION'].trim();
      if (INCLUDE_LONG_DESCRIPTORS && r['LONG DESCRIPTION'].trim()) rec.longDescriptor = r['LONG DESCRIPTION'].trim();
      if (r.COV.trim()) rec.coverage = r.COV.trim();
      if (r.BETOS.trim()) rec.betos = r.BETOS.trim();
      codes.push([code, rec]);
    } else if (r.RECID === '7') {
      if (!/^[A-Z0-9]{2}$/.test(code)) throw new Error(`${at}: unexpected modifier "${r.HCPC}"`);
      const long = r['LONG DESCRIPTION'].trim();
      const short = r['SHORT DESCRIPTION'].trim();
      const m = { kind: 'HCPCS', name: long && long.length <= MODIFIER_NAME_MAX ? long : short || long };
      if (long) m.description = long;
      if (effectiveDate) m.effectiveDate = effectiveDate;
      if (terminationDate) m.terminationDate = terminationDate;
      modifiers.push([code, m]);
    } else {
      otherRecids.set(r.RECID, (otherRecids.get(r.RECID) ?? 0) + 1);
    }
  }

  notes.push(
    `hcpcs: ${codes.length} codes (${deleted} deleted, terminated before ${RELEASE_START}), ${modifiers.length} modifiers`,
    `hcpcs: CPT-shaped RECID 3 codes skipped: ${skippedCptShaped.length}${skippedCptShaped.length ? ` (${skippedCptShaped.slice(0, 10).join(', ')})` : ''}`,
    `hcpcs: ${activeWithXref} active codes carry a cross-reference (XREF) as replacedBy`,
  );
  if (droppedXrefs.length) notes.push(`hcpcs: non-code XREF values dropped: ${droppedXrefs.join('; ')}`);
  if (otherRecids.size) notes.push(`hcpcs: rows with other RECIDs ignored: ${[...otherRecids].map(([k, v]) => `${k}=${v}`).join(', ')}`);

  return makePack(
    {
      id: `hcpcs-${RELEASE}`,
      title: 'HCPCS Level II codes and modifiers, October 2025 (CMS)',
      asOf: RELEASE,
      codeSetYear: CODE_SET_YEAR,
      source: {
        title: 'CMS HCPCS Level II alpha-numeric file, 2025 October release (v4)',
        files: [HCPCS_FILE],
        license: 'public-domain',
        note:
          'CMS public-domain data. Codes: RECID 3 rows; modifiers: RECID 7 rows (HCPCS Level II modifiers only, no CPT modifiers). ' +
          `status is "deleted" when TERM DT is before ${RELEASE_START}; replacedBy holds the XREF1-XREF5 cross-references. ` +
          `The code-set year is the pack's codeSetYear; system is HCPCS-II for every code. ` +
          (INCLUDE_LONG_DESCRIPTORS ? '' : 'Long descriptors are left out to keep the bundled data small (short descriptors only). ') +
          'Modifier name: the long description when it has at most 60 characters, else the short one.',
      },
    },
    { codes: sortedMap(codes), modifiers: sortedMap(modifiers) },
  );
}
