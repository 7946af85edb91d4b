import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/*
 * Passwords are checked against lists of common and leaked passwords (OWASP ASVS 2.1.7) with zxcvbn-ts and
 * its bundled dictionaries: nothing is fetched at run time (its haveibeenpwned matcher is not used). A score
 * below 2 means fewer than about a million guesses: "password", "Password123!", "qwertyuiop", "summer2026",
 * a repeated letter, or the person's own name or address. Longer passphrases pass without rules on symbols.
 */

const MIN_SCORE = 2;
/** Beyond this many characters a password counts as strong anyway; a cap keeps the check fast. */
const CHECKED_LENGTH = 64;

export const WEAK_PASSWORD_MESSAGE =
  'This password is too easy to guess: it is a common or leaked password, or close to one, or your name or address. Use a longer one, for example three or four unrelated words.';

let checker: Promise<ZxcvbnFactory> | undefined;

// The dictionaries take a moment to unpack: loaded on the first check, not at start-up.
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
        maxLength: CHECKED_LENGTH,
      }),
  );
  return checker;
}

/** Whether a password is too easy to guess, given what else is known about the person (name, address). */
export async function isGuessablePassword(password: string, personal: string[] = []): Promise<boolean> {
  const zxcvbn = await loadChecker();
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  return zxcvbn.check(password, [...personal, ...words]).score < MIN_SCORE;
}
