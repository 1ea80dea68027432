/** An 837P of many claims built from a real one, for the tests of editing X12 files. */

/** ProfessionalClaim1 with its patient loop (HL 3 ... seven service lines) repeated: claims far apart, two of them with one id. */
export function claimFile(sample: string, copies: number): string {
  const lines = sample.split(/\r?\n/);
  const patient = lines.findIndex((l) => /^\s*HL\*3\*/.test(l));
  const se = lines.findIndex((l) => /^\s*SE\*/.test(l));
  const out = lines.slice(0, patient);
  for (let i = 0; i < copies; i++) {
    const id = i === copies - 1 ? 26463774 : 26463774 + i; // the last claim repeats the first one's id
    for (const l of lines.slice(patient, se)) out.push(l.replace(/^(\s*)HL\*3\*2\*/, `$1HL*${3 + i}*2*`).replace(/^(\s*)CLM\*26463774\*/, `$1CLM*${id}*`));
  }
  return [...out, ...lines.slice(se)].join('\n');
}
