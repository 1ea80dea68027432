// The common head of every pack, and small shared helpers.

export const PACK_FORMAT = 'cpt-lens-pack';
export const PACK_SCHEMA_VERSION = 1;

/** Procedure-code shapes: CPT-I, CPT-II/III/PLA/MAAA, HCPCS Level II. */
export const CODE_RE = /^(\d{5}|\d{4}[FTUMA]|[A-Z]\d{4})$/;
export const CPT_SHAPED_RE = /^(\d{5}|\d{4}[FTUMA])$/;

/**
 * The pack head in a fixed property order, followed by the data properties.
 * @param {{id:string,title:string,asOf?:string,codeSetYear?:number,source:object}} head
 * @param {object} data
 */
export function makePack(head, data) {
  const pack = {
    $schema: '../pack.schema.json',
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    id: head.id,
    title: head.title,
  };
  if (head.asOf !== undefined) pack.asOf = head.asOf;
  if (head.codeSetYear !== undefined) pack.codeSetYear = head.codeSetYear;
  pack.source = head.source;
  return Object.assign(pack, data);
}

/** `20250101` -> `2025-01-01`; '' -> undefined; anything else is an error. */
export function isoFromYmd(ymd, label) {
  const t = (ymd ?? '').trim();
  if (t === '') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) throw new Error(`${label}: bad date "${ymd}"`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

