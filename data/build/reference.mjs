// Small reference tables: CMS places of service, CPT section ranges, CPT modifiers.
import { join } from 'node:path';
import { readCsvObjects } from './csv.mjs';
import { makePack } from './pack.mjs';
import { sortedMap } from './json.mjs';
import { CPT_MODIFIERS } from './cpt-modifiers.mjs';

export const POS_FILE = 'cms-place-of-service/cms_place_of_service_codes.csv';
export const SECTIONS_FILE = 'cpt-section-ranges/cpt_section_ranges_handcompiled.csv';

export function buildPosPack(rawDir, notes) {
  const { records } = readCsvObjects(join(rawDir, POS_FILE));
  const entries = records.map((r) => {
    const code = r.pos_code.trim();
    if (!/^\d{2}$/.test(code)) throw new Error(`${POS_FILE}:${r.__line}: POS code "${r.pos_code}" is not two digits`);
    const name = r.pos_name.trim();
    if (!name) throw new Error(`${POS_FILE}:${r.__line}: empty name`);
    const pos = { name };
    if (r.pos_description.trim()) pos.description = r.pos_description.trim();
    return [code, pos];
  });
  notes.push(`pos: ${entries.length} places of service`);
  return makePack(
    {
      id: 'place-of-service',
      title: 'CMS place-of-service codes',
      source: {
        title: 'CMS Place of Service code set (via HL7 Terminology cs-CMS-PlaceofServiceCodes)',
        files: [POS_FILE],
        license: 'public-domain',
        note: 'CMS: POS codes are free to use without restriction; the HL7 THO copy is CC0.',
      },
    },
    { placesOfService: sortedMap(entries) },
  );
}

export function buildSectionsPack(rawDir, notes) {
  const { records } = readCsvObjects(join(rawDir, SECTIONS_FILE));
  const sections = records.map((r) => {
    const at = `${SECTIONS_FILE}:${r.__line}`;
    const start = r.range_start.trim();
    const end = r.range_end.trim();
    if (!/^[0-9A-Z]{5}$/.test(start) || !/^[0-9A-Z]{5}$/.test(end)) throw new Error(`${at}: bad range ${start}-${end}`);
    if (start > end) throw new Error(`${at}: range start ${start} is after end ${end}`);
    const s = { section: r.section.trim() };
    if (r.subsection.trim()) s.subsection = r.subsection.trim();
    s.start = start;
    s.end = end;
    return s;
  });
  notes.push(`sections: ${sections.length} ranges (kept in file order)`);
  return makePack(
    {
      id: 'cpt-sections',
      title: 'CPT section and subsection code ranges',
      source: {
        title: 'CPT section/subsection boundaries, compiled by hand from commonly published ranges',
        files: [SECTIONS_FILE],
        license: 'project',
        note:
          'Number ranges only, no descriptors; heading names follow the CPT section titles. Rows are kept as compiled, ' +
          'including the odd ones (Qualifying Circumstances 99100-99140 under Anesthesia, Home Health 99500-99607 under Medicine, ' +
          'and the pattern rows for Category II/III, PLA and MAAA codes).',
      },
    },
    { sections },
  );
}

export function buildCptModifiersPack(notes) {
  const entries = Object.entries(CPT_MODIFIERS).map(([code, m]) => {
    if (!/^\d{2}$/.test(code)) throw new Error(`cpt-modifiers.mjs: "${code}" is not a two-digit CPT modifier`);
    return [code, { kind: 'CPT', name: m.name, description: m.description }];
  });
  notes.push(`cpt-modifiers: ${entries.length} modifiers`);
  return makePack(
    {
      id: 'cpt-modifiers',
      title: 'CPT modifiers in everyday use (CPT Lens descriptions)',
      source: {
        title: 'CPT modifier names and descriptions written by the CPT Lens project',
        files: [],
        license: 'project',
        note:
          'Written in the project\'s own words as a reminder of each modifier\'s use; this is not the AMA CPT Appendix A text. ' +
          'Source: data/build/cpt-modifiers.mjs.',
      },
    },
    { modifiers: sortedMap(entries) },
  );
}
