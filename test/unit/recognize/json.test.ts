import { strict as assert } from 'assert';
import { codes, occurrences, factsOf } from './helpers';
import { engineOn } from '../helpers/engine';

describe('JSON recognizer: FHIR codings, price-transparency code_information, code-named keys', () => {
  it('reads a Blue Button carrier EOB item: HCPCS coding, modifier LT, POS, dates; never the carrier number or ZIP', () => {
    const eob = {
      resourceType: 'ExplanationOfBenefit', id: 'carrier-9991831999',
      extension: [{ url: 'https://bluebutton.cms.gov/resources/variables/carr_num', valueIdentifier: { system: 'https://bluebutton.cms.gov/resources/variables/carr_num', value: '61026' } }],
      item: [{
        sequence: 1,
        productOrService: {
          extension: [{ url: 'http://hl7.org/fhir/sid/ndc', valueCoding: { system: 'http://hl7.org/fhir/sid/ndc', code: '000000000', display: 'Fake Diluent - WATER' } }],
          coding: [{ system: 'https://bluebutton.cms.gov/resources/codesystem/hcpcs', code: '92999' }],
        },
        modifier: [{ coding: [{ system: 'https://bluebutton.cms.gov/resources/codesystem/hcpcs', version: '5', code: 'LT' }] }],
        servicedPeriod: { start: '1999-10-27', end: '1999-10-27' },
        locationCodeableConcept: {
          extension: [{ url: 'https://bluebutton.cms.gov/resources/variables/prvdr_zip', valueCoding: { system: 'https://bluebutton.cms.gov/resources/variables/prvdr_zip', code: '555558202' } }],
          coding: [{ system: 'https://bluebutton.cms.gov/resources/variables/line_place_of_srvc_cd', code: '11', display: 'Office.' }],
        },
        quantity: { value: 1.0 },
      }],
    };
    const text = JSON.stringify(eob, null, 2);
    const [o, ...rest] = occurrences(text);
    assert.equal(rest.length, 0);
    assert.equal(o.code, '92999');
    assert.deepEqual(o.modifiers.map((m) => m.code), ['LT']);
    assert.deepEqual(factsOf(o), { lineNumber: 1, dateOfService: '1999-10-27', placeOfService: '11', units: 1, claimId: 'carrier-9991831999' });
    assert.equal(text.slice(text.split('\n').slice(0, o.range.startLine).join('\n').length + 1 + o.range.startCharacter).slice(0, 5), '92999');
  });

  it('reads CPT codings in a Bundle of Claims, by any CPT/HCPCS system, and not ICD-10 or invalid codes', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Claim', id: 'c1', diagnosis: [{ diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I70.249' }] } }], item: [{ sequence: 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '75710' }] }, servicedDate: '2020-08-04' }] } },
        { resource: { resourceType: 'Claim', id: 'c2', item: [{ sequence: 1, productOrService: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.285', code: 'J3490' }] } }, { sequence: 2, productOrService: { coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'FDSAE' }] } }] } },
      ],
    };
    const found = occurrences(JSON.stringify(bundle));
    assert.deepEqual(found.map((o) => `${o.code}/${o.facts.claimId}`), ['75710/c1', 'J3490/c2']);
    assert.equal(found[0].facts.dateOfService, '2020-08-04');
  });

  it('a CPT or HCPCS coding whose value is not a code is an invalid code, whatever its length', () => {
    const claim = (code: string) => JSON.stringify({ resourceType: 'Claim', id: 'c1', item: [{ sequence: 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code }] } }] }, null, 2);
    const engine = engineOn();
    for (const value of ['648666', 'FDSAE', '0000000']) {
      const { occurrences: found, findings } = engine.check(claim(value), { fileName: 'claim.json' });
      assert.deepEqual(found, [], value);
      assert.deepEqual(findings.map((f) => `${f.rule} ${f.message.includes(value)}`), ['invalid-code true'], value);
    }
    assert.deepEqual(engine.check(claim('99213'), { fileName: 'claim.json' }).findings, []);
  });

  it('reads HPT JSON code_information by type, with the setting of its charges', () => {
    const hpt = {
      hospital_name: 'West Mercy Hospital', license_information: { license_number: '50056', state: 'CA' },
      hospital_address: ['12 Main Street, Fullerton, CA  92832'],
      standard_charge_information: [
        { description: 'MRI of brain', code_information: [{ code: '611', type: 'RC' }, { code: '70551', type: 'CPT' }], standard_charges: [{ setting: 'outpatient', gross_charge: 1200 }] },
        { description: 'Heart transplant', code_information: [{ code: '001', type: 'MS-DRG' }], standard_charges: [{ setting: 'inpatient', minimum: 49000 }] },
        { description: 'Fluconazole', code_information: [{ code: 'J1450', type: 'HCPCS' }, { code: '25021-0184-82', type: 'NDC' }], standard_charges: [{ setting: 'inpatient' }, { setting: 'outpatient' }] },
      ],
      modifier_information: [{ description: 'Bilateral procedure', code: '50' }],
    };
    const found = occurrences(JSON.stringify(hpt, null, 1));
    assert.deepEqual(found.map((o) => `${o.code}/${o.facts.setting}`), ['70551/outpatient', 'J1450/both']);
  });

  it('a modifier\'s setting in HPT modifier_information is the modifier\'s: an item whose charges name none gets none from it', () => {
    const hpt = {
      hospital_name: 'West Mercy Hospital',
      standard_charge_information: [
        { description: 'MRI of brain', code_information: [{ code: '70551', type: 'CPT' }], standard_charges: [{ gross_charge: 1200 }] },
        { description: 'Office visit', code_information: [{ code: '99213', type: 'CPT' }], standard_charges: [{ setting: 'outpatient', gross_charge: 90 }] },
      ],
      modifier_information: [{ description: 'Bilateral procedure', code: '50', setting: 'inpatient' }],
    };
    const found = occurrences(JSON.stringify(hpt, null, 1));
    assert.deepEqual(found.map((o) => `${o.code}/${o.facts.setting}`), ['70551/undefined', '99213/outpatient']);
  });

  it('reads keys naming CPT/HCPCS in other JSON and transparency-in-coverage billing codes by type', () => {
    const other = {
      claims: [{ claim_id: 'A1', zip: '33111', lines: [{ cpt_code: '99213', modifiers: ['25'], units: 1, pos: '11' }, { procedureCode: 'j3490', amount: 12345 }] }],
      in_network: [{ billing_code_type: 'CPT', billing_code: '27447' }, { billing_code_type: 'RC', billing_code: '0450' }, { billing_code_type: 'CDT', billing_code: 'D0120' }],
      notes: 'Bill CPT 64866 for the nerve graft; account 12345.',
    };
    assert.deepEqual(codes(JSON.stringify(other, null, 2)), ['99213-25', 'J3490', '27447', '64866']);
    const [first] = occurrences(JSON.stringify(other, null, 2));
    assert.deepEqual(factsOf(first), { units: 1, placeOfService: '11' });
  });
});
