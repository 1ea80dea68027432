// CPT (Level I) modifiers a coder meets daily, with names and descriptions WRITTEN BY THIS
// PROJECT in its own words. This is not the AMA's Appendix A text; it is a short reminder of
// what each modifier is for. Licence of this table: the project's (MIT).
//
// Keep descriptions to one or two sentences. `name` is a short label for hovers and lists.

/** @type {Record<string, { name: string, description: string }>} */
export const CPT_MODIFIERS = {
  '22': {
    name: 'Increased procedural services',
    description:
      'The procedure took substantially more work than usual, for example because of extra time, difficulty or the patient\'s condition. The record must show what made it harder.',
  },
  '24': {
    name: 'Unrelated E/M during a postoperative period',
    description:
      'An evaluation and management visit by the same clinician inside the global period of an earlier procedure, for a problem that has nothing to do with that procedure.',
  },
  '25': {
    name: 'Significant, separately identifiable E/M on the same day',
    description:
      'An evaluation and management visit on the same day as a procedure or other service that goes clearly beyond the usual care before and after that procedure.',
  },
  '26': {
    name: 'Professional component',
    description:
      'Only the clinician\'s part of a service that has a professional and a technical part, such as reading and reporting an imaging study done on someone else\'s equipment.',
  },
  '27': {
    name: 'Multiple outpatient hospital E/M encounters on the same date',
    description:
      'Used by hospitals for a second (or later) evaluation and management encounter in a different outpatient hospital setting on the same day.',
  },
  '33': {
    name: 'Preventive service',
    description:
      'Marks a service as preventive (for example a recommended screening), so that patient cost sharing can be waived where the rules allow it.',
  },
  '47': {
    name: 'Anesthesia by the surgeon',
    description:
      'The surgeon personally gave the regional or general anesthesia for the procedure. It is added to the surgery code, not to an anesthesia code.',
  },
  '50': {
    name: 'Bilateral procedure',
    description: 'The same procedure was done on both sides of the body during the same session.',
  },
  '51': {
    name: 'Multiple procedures',
    description:
      'Several procedures were done by the same clinician in the same session; the modifier marks the additional ones, which are usually paid at a reduced rate.',
  },
  '52': {
    name: 'Reduced services',
    description:
      'Part of the service was left out at the clinician\'s choice, so less was done than the code describes. Not for procedures stopped for the patient\'s safety (see 53).',
  },
  '53': {
    name: 'Discontinued procedure',
    description:
      'The clinician started the procedure but stopped it because continuing would have put the patient at risk or because of circumstances beyond control.',
  },
  '54': {
    name: 'Surgical care only',
    description:
      'The clinician performed the operation itself; someone else provides the care before and/or after it.',
  },
  '55': {
    name: 'Postoperative management only',
    description: 'The clinician provided only the care after the operation; another clinician performed the surgery.',
  },
  '56': {
    name: 'Preoperative management only',
    description: 'The clinician provided only the care before the operation; another clinician performed the surgery.',
  },
  '57': {
    name: 'Decision for surgery',
    description:
      'An evaluation and management visit, on the day before or the day of a major operation, in which the decision to operate was made.',
  },
  '58': {
    name: 'Staged or related procedure in the postoperative period',
    description:
      'A follow-on procedure by the same clinician during the global period that was planned from the start, is more extensive than the first, or is therapy after a diagnostic procedure.',
  },
  '59': {
    name: 'Distinct procedural service',
    description:
      'A procedure that is normally bundled with another done the same day was in fact separate (different session, site, organ system, incision or lesion). Use it only when no more specific modifier (such as XE, XP, XS, XU) fits.',
  },
  '62': {
    name: 'Two surgeons',
    description:
      'Two surgeons, usually of different specialties, each performed a distinct part of one procedure; each reports the same code with this modifier.',
  },
  '63': {
    name: 'Procedure on an infant under 4 kg',
    description:
      'The procedure was done on a neonate or infant weighing less than 4 kg, which makes it markedly more complex. Only certain surgical codes accept it.',
  },
  '66': {
    name: 'Surgical team',
    description:
      'A highly complex procedure needed a team of several clinicians of different specialties working at the same time, with special equipment.',
  },
  '76': {
    name: 'Repeat procedure by the same clinician',
    description: 'The same procedure or service was done again by the same clinician after the first one, often later the same day.',
  },
  '77': {
    name: 'Repeat procedure by another clinician',
    description: 'The same procedure or service was done again, this time by a different clinician than the one who did it first.',
  },
  '78': {
    name: 'Unplanned return to the operating room, related',
    description:
      'The same clinician took the patient back to the operating or procedure room during the global period for a problem related to the first procedure, such as a complication.',
  },
  '79': {
    name: 'Unrelated procedure in the postoperative period',
    description:
      'The same clinician performed a procedure during the global period of an earlier one, for a reason unrelated to it; a new global period starts.',
  },
  '80': {
    name: 'Assistant surgeon',
    description: 'The clinician acted as an assistant to the operating surgeon throughout the procedure.',
  },
  '81': {
    name: 'Minimum assistant surgeon',
    description: 'Another clinician assisted the surgeon, but only minimally or for a short part of the procedure.',
  },
  '82': {
    name: 'Assistant surgeon, no qualified resident available',
    description:
      'In a teaching setting, a clinician assisted because no qualified resident surgeon was available to do so.',
  },
  '90': {
    name: 'Reference (outside) laboratory',
    description:
      'The laboratory test was performed by an outside laboratory rather than by the clinician or facility that reports it.',
  },
  '91': {
    name: 'Repeat clinical diagnostic laboratory test',
    description:
      'The same laboratory test was run again on the same day to get further results needed for the patient\'s care. Not for reruns because of a specimen or equipment problem, or to confirm a result.',
  },
  '92': {
    name: 'Alternative laboratory platform testing',
    description:
      'The laboratory test was run with a single-use kit or portable instrument instead of a full laboratory setup.',
  },
  '93': {
    name: 'Synchronous telemedicine, audio only',
    description:
      'The service was delivered in real time over the telephone or another audio-only connection, with no video.',
  },
  '95': {
    name: 'Synchronous telemedicine, audio and video',
    description:
      'The service was delivered in real time over an interactive audio and video connection between the clinician and a patient at a distant site.',
  },
  '96': {
    name: 'Habilitative services',
    description:
      'The service helps the patient learn, keep or improve skills and functions for daily living that they have not yet developed.',
  },
  '97': {
    name: 'Rehabilitative services',
    description:
      'The service helps the patient keep, regain or improve skills and functions for daily living that were lost or impaired by illness, injury or disability.',
  },
  '99': {
    name: 'Multiple modifiers',
    description:
      'Two or more modifiers apply to the line; some payers ask for 99 first and the other modifiers listed elsewhere on the claim.',
  },
};
