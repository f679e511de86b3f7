import { ErrorCode, PASSWORD_MIN_LENGTH } from "@tideway/contracts";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { AppError } from "../errors/app-error";

/**
 * zxcvbn's score runs 0-4; 3 means "safely unguessable" (more than 10^8
 * guesses, out of reach of online guessing and costly offline against our
 * scrypt hashes). Below it: a common password, a keyboard walk, a date, a
 * name or the person's own email with a few changes.
 */
const MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The common-password list (30,000 entries) and keyboard layouts, loaded once,
 * when the first new password is checked: loading them at start-up cost about
 * a tenth of a second of `npm start` and much garbage, for something a server
 * needs only when someone chooses a password.
 */
function passwordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

/**
 * The policy for every new password (sign-up, password change, reset,
 * invitation): at least PASSWORD_MIN_LENGTH characters, not only spaces
 * (both also in the contract, so the form can say so), and not guessable.
 * Existing passwords are not re-checked: sign-in takes any password that
 * matches its hash, such as the demo account's.
 *
 * Throws 400 VALIDATION_FAILED naming `field`, with a sentence saying what
 * to do instead.
 */
export async function checkNewPassword(
  password: string,
  field: string,
  person: { email?: string | undefined; name?: string | undefined } = {},
): Promise<void> {
  const problem = await passwordProblem(password, person);
  if (problem === null) return;
  throw new AppError(ErrorCode.VALIDATION_FAILED, `body.${field}: ${problem}`, {
    issues: [{ field: `body.${field}`, message: problem }],
  });
}

/** Why `password` is refused, or null when it is fine. */
export async function passwordProblem(
  password: string,
  person: { email?: string | undefined; name?: string | undefined } = {},
): Promise<string | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.trim() === "") return "must not be only spaces";
  const userInputs = personalWords(person);
  if ((await passwordEstimator()).check(password, userInputs).score >= MIN_SCORE) return null;
  return (
    "is too easy to guess (a common password, a keyboard pattern, a date or your own name or email, " +
    "perhaps with a few letters changed); use a few unrelated words or a password manager"
  );
}

/** Words a guesser would try first for this person: their email, its parts, their name and its parts. */
function personalWords(person: { email?: string | undefined; name?: string | undefined }): string[] {
  const email = person.email?.toLowerCase() ?? "";
  const name = person.name?.toLowerCase() ?? "";
  const local = email.split("@")[0] ?? "";
  const words = [email, local, ...local.split(/[._+-]/), local.replace(/[._+-]/g, "")];
  words.push(name, ...name.split(/\s+/), name.replace(/\s+/g, ""), "tideway");
  return [...new Set(words.filter((word) => word.length >= 3))];
}
