// Valid credit codes for tests: region inside, organisation-code and USCC check characters right.
import { creditCodeCheck } from '../../src/core/identifiers/credit-code.ts';
import { orgCodeCheck } from '../../src/core/identifiers/org-code.ts';

/** A valid credit code registered in `region` with organisation-code body `body8`. */
export function validCreditCode(region: string, body8: string): string {
  const first17 = `91${region}${body8}${orgCodeCheck(body8)}`;
  return first17 + creditCodeCheck(first17);
}
