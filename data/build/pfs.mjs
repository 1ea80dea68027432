// PFS payment indicators (PPRRVU, October 2025) without descriptors; rows without a modifier only.
import { join } from 'node:path';
import { readCsvObjects } from './csv.mjs';
import { CODE_RE, makePack } from './pack.mjs';
import { sortedMap } from './json.mjs';

export const PFS_FILE = 'cms-pfs-rvu/pfs_2025oct_payment_indicators_no_descriptors.csv';
const RELEASE = '2025-10';

/** PackPfs column -> source column, in PackPfs order. */
const COLUMNS = [
  ['status', 'status_code'],
  ['pctc', 'pctc_ind'],
  ['globalDays', 'global_days'],
  ['multipleProcedure', 'mult_proc_51'],
  ['bilateral', 'bilat_surg_50'],
  ['assistant', 'asst_surg_80_82'],
  ['coSurgeon', 'co_surg_62'],
  ['team', 'team_surg_66'],
  ['endoscopicBase', 'endo_base'],
];

export function buildPfsPack(rawDir, notes) {
  const path = join(rawDir, PFS_FILE);
  const { header, records } = readCsvObjects(path);
  for (const col of ['hcpcs', 'modifier', ...COLUMNS.map(([, c]) => c)]) {
    if (!header.includes(col)) throw new Error(`${PFS_FILE}: missing column ${col}`);
  }
  const rows = new Map();
  const modifierRows = new Map();
  for (const r of records) {
    const at = `${PFS_FILE}:${r.__line}`;
    const code = r.hcpcs.replace(/[\s\u00a0]/g, '').toUpperCase();
    if (!CODE_RE.test(code)) throw new Error(`${at}: unexpected code "${r.hcpcs}"`);
    const mod = r.modifier.trim();
    if (mod) {
      modifierRows.set(mod, (modifierRows.get(mod) ?? new Set()).add(code));
      continue;
    }
    if (rows.has(code)) throw new Error(`${at}: ${code} appears twice without a modifier`);
    rows.set(code, COLUMNS.map(([, c]) => r[c].trim()));
  }
  const onlyWithModifier = [...new Set([...modifierRows.values()].flatMap((s) => [...s]))].filter((c) => !rows.has(c)).sort();
  notes.push(
    `pfs: ${rows.size} codes (rows without modifier); rows with a modifier skipped: ${[...modifierRows]
      .map(([m, s]) => `${m}=${s.size}`)
      .join(', ')}`,
  );
  if (onlyWithModifier.length) notes.push(`pfs: codes that have only modifier rows (so are absent from the pack): ${onlyWithModifier.join(', ')}`);

  const pack = makePack(
    {
      id: `pfs-indicators-${RELEASE}`,
      title: 'Medicare Physician Fee Schedule payment indicators, October 2025 (CMS RVU25D)',
      asOf: RELEASE,
      source: {
        title: 'CMS PFS relative value file PPRRVU2025_Oct (RVU25D, released 2025-09-11): payment indicators',
        files: [PFS_FILE],
        license: 'public-domain',
        note:
          'Indicators only: status, PC/TC, global days, multiple-procedure, bilateral, assistant, co-surgeon, team and endoscopic base. ' +
          'The DESCRIPTION column of PPRRVU (CPT short descriptors, AMA copyright) is not used; rows with a modifier (26, TC, 53) are not kept.',
      },
    },
    { pfs: { release: RELEASE, columns: COLUMNS.map(([c]) => c), rows: sortedMap(rows) } },
  );
  return { pack, rows };
}
