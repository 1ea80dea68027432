/**
 * FHIR specifics for the JSON recognizer: which coding systems are CPT or HCPCS, which
 * CodeableConcepts of a Claim/ExplanationOfBenefit item carry modifiers and place of service,
 * and which arrays hold service lines.
 *
 * Decisions:
 * - CPT: `http://www.ama-assn.org/go/cpt`, `urn:oid:2.16.840.1.113883.6.12`, other
 *   `…/cpt` system URLs. HCPCS: `https://bluebutton.cms.gov/resources/codesystem/hcpcs`,
 *   `…HCPCSReleaseCodeSets`, `urn:oid:2.16.840.1.113883.6.285` and `…6.14`.
 * - A coding of such a system under `modifier` is a modifier of its item; under
 *   `locationCodeableConcept` a place of service; anywhere else a code (confidence 'context'),
 *   even outside a claim (Procedure.code, ServiceRequest.code).
 * - Codings of other systems (ICD-10, NDC, NUCC, Blue Button variables such as the carrier
 *   number) yield nothing, whatever they look like.
 */

const CPT_OIDS = ['2.16.840.1.113883.6.12'];
const HCPCS_OIDS = ['2.16.840.1.113883.6.285', '2.16.840.1.113883.6.14'];

/** Whether a coding `system` is CPT or HCPCS. */
export function isProcedureSystem(system: string): boolean {
  let s = system.trim().toLowerCase();
  while (s.endsWith('/')) s = s.slice(0, -1);
  if (s.startsWith('urn:oid:')) {
    const oid = s.slice(8);
    return CPT_OIDS.includes(oid) || HCPCS_OIDS.includes(oid);
  }
  if (s.includes('ama-assn.org/go/cpt')) return true;
  if (s.endsWith('/cpt') || s.endsWith('/cpt-4') || s.endsWith('/cpt4')) return true;
  if (s.endsWith('codesystem/hcpcs') || s.endsWith('/hcpcs') || s.includes('hcpcsreleasecodesets') || s.endsWith('/hcpcs-all-codes')) return true;
  return false;
}

/** Arrays whose elements are service lines of a claim. */
export const ITEM_ARRAYS = new Set(['item', 'detail', 'subDetail', 'addItem', 'subdetail']);

/** Resources whose `id` is the claim id of their items. */
export const CLAIM_RESOURCES = new Set(['Claim', 'ExplanationOfBenefit', 'ClaimResponse']);
