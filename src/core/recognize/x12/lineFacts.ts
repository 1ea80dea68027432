/**
 * The facts of one X12 service line, built once when the line ends (its DTP*472 follows the SV
 * segment), with only the members that have a value and in the order the recognizer has always
 * given them: the claim's (CLM01, then bill type or place of service), the claim's date, the line
 * number, units, a place of service first written on the line, a date first written on the line.
 */
import type { IsoDate, LineFacts, Range } from '../../model';

/** What CLM says; one object per claim, shared by the facts of its lines. */
export interface ClaimFacts {
  /** `none`: no claim (before the first CLM, after SE); `bill`: an 837I claim (CLM05-1 + CLM05-3 is the bill type); `pos`: CLM05-1 is a place of service. */
  readonly shape: 'none' | 'bill' | 'pos';
  readonly claimId?: string;
  readonly billType?: string;
  readonly placeOfService?: string;
  readonly placeOfServiceRange?: Range;
}

export const NO_CLAIM: ClaimFacts = { shape: 'none' };

/** What the service line itself says. */
export interface ServiceLineFacts {
  claim: ClaimFacts;
  /** The claim's date of service when the SV segment was read. */
  claimDate: IsoDate | undefined;
  /** A DTP*472 of the line. */
  lineDate: IsoDate | undefined;
  lineNumber: number | undefined;
  units: number | undefined;
  placeOfService: string | undefined;
  placeOfServiceRange: Range | undefined;
  /** SV3 states the place of service before the units. */
  placeOfServiceFirst: boolean;
}

export function serviceLineFacts(l: ServiceLineFacts): LineFacts {
  const claim = l.claim;
  // The usual professional line: CLM with an id and a place of service, LX, SV1, DTP*472.
  if (claim.shape === 'pos' && claim.claimId !== undefined && claim.placeOfService !== undefined && l.claimDate === undefined
    && l.lineDate !== undefined && l.lineNumber !== undefined && l.units !== undefined) {
    const own = l.placeOfService !== undefined;
    return {
      claimId: claim.claimId,
      placeOfService: own ? l.placeOfService : claim.placeOfService,
      placeOfServiceRange: own ? l.placeOfServiceRange : claim.placeOfServiceRange,
      lineNumber: l.lineNumber,
      units: l.units,
      dateOfService: l.lineDate,
    };
  }
  const f: LineFacts = {};
  if (claim.shape !== 'none' && claim.claimId !== undefined) f.claimId = claim.claimId;
  if (claim.shape === 'bill') {
    if (claim.billType !== undefined) f.billType = claim.billType;
  } else if (claim.shape === 'pos') {
    const pos = l.placeOfService ?? claim.placeOfService;
    if (pos !== undefined) f.placeOfService = pos;
    if (claim.placeOfService !== undefined) f.placeOfServiceRange = l.placeOfService !== undefined ? l.placeOfServiceRange : claim.placeOfServiceRange;
  }
  if (l.claimDate !== undefined) f.dateOfService = l.lineDate ?? l.claimDate;
  if (l.lineNumber !== undefined) f.lineNumber = l.lineNumber;
  if (!l.placeOfServiceFirst && l.units !== undefined) f.units = l.units;
  if (l.placeOfService !== undefined) {
    if (claim.shape !== 'pos') f.placeOfService = l.placeOfService;
    if (claim.shape !== 'pos' || claim.placeOfService === undefined) f.placeOfServiceRange = l.placeOfServiceRange;
  }
  if (l.placeOfServiceFirst && l.units !== undefined) f.units = l.units;
  if (l.claimDate === undefined && l.lineDate !== undefined) f.dateOfService = l.lineDate;
  return f;
}
