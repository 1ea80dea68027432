import { strict as assert } from 'assert';
import { decodeText } from '../../../src/core/text/decode';
import { codes, occurrences, factsOf } from './helpers';

const claimModel = `<?xml version="1.0" encoding="utf-16"?>
<ClaimDocument xmlns="http://www.oopfactory.com/2011/XSL/Hipaa">
  <Claim Type="Professional" PatientControlNumber="26463774" TotalClaimChargeAmount="100">
    <ServiceLocationInfo Qualifier="B" FacilityCode="11" FrequencyTypeCode="1" />
    <BillingInfo>
      <Provider Npi="9876543210" TaxId="587654321">
        <Address City="MIAMI" StateCode="FL" PostalCode="33111"><Line1>234 SEAWAY ST</Line1></Address>
      </Provider>
    </BillingInfo>
    <ServiceLine LineNumber="1" Charges="40" Quantity="1" Unit="UN">
      <Procedure Qualifier="HC" ProcedureCode="99213" />
      <Date Qualifier="472" Date="2006-10-03T00:00:00">Service</Date>
    </ServiceLine>
    <ServiceLine LineNumber="2" Charges="15" Quantity="2" Unit="UN">
      <Procedure Qualifier="HC" ProcedureCode="87070" Modifier1="25" />
      <Procedure Qualifier="BBR" ProcedureCode="12345" />
    </ServiceLine>
  </Claim>
</ClaimDocument>`;

describe('XML recognizer: procedure-code attributes and elements, with line facts', () => {
  it('reads the CMS-1500 claim model (UTF-16 with BOM): codes, facility code as POS, quantity, date; never the ZIP or NPI', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(claimModel, 'utf16le')]);
    const { text } = decodeText(bytes);
    const found = occurrences(text, { fileName: 'claim.xml' });
    assert.deepEqual(found.map((o) => o.code + o.modifiers.map((m) => `-${m.code}`).join('')), ['99213', '87070-25']);
    assert.deepEqual(factsOf(found[0]), { lineNumber: 1, units: 1, dateOfService: '2006-10-03', placeOfService: '11', claimId: '26463774' });
    assert.equal(found[1].facts.units, 2);
  });

  it('reads element text and modifier elements, and description text as prose', () => {
    const text = '<claims><line><CPTCode> 27447 </CPTCode><Modifier>RT</Modifier><PostalCode>27447</PostalCode><Description>knee, see also 64866</Description></line><line><HCPCS>j3490</HCPCS></line></claims>';
    assert.deepEqual(codes(text), ['27447-RT', '64866', 'J3490']);
  });
});
