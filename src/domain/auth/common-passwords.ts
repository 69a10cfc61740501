/**
 * A small bundled stand-in for a breached-password check (OWASP ASVS 2.1.7): the words and
 * patterns at the top of every published password breach, which attackers try first. A password
 * is refused when, read the way a guesser would (case folded, "p@ssw0rd" read as "password",
 * digits and symbols around it dropped), it is one of these words, a keyboard run, a counting
 * run, or one short piece repeated. Written for Newsdesk; no third-party list is copied.
 */
const COMMON_WORDS = `
password passwort motdepasse contrasena senha wachtwoord salasana haslo parola
qwerty azerty qwertz letmein iloveyou welcome hello helloworld admin administrator root
superuser user guest login access secret changeme default test testing demo sample master
monkey dragon shadow hunter ranger buster tigger pepper ginger maggie bailey cookie
football baseball basketball soccer hockey golf tennis liverpool chelsea arsenal
manchester barcelona realmadrid juventus sunshine princess superman batman spiderman
starwars pokemon minecraft fortnite computer internet whatever freedom trustno trustnoone
summer winter autumn spring monday friday january december
michael jennifer jordan charlie robert thomas daniel jessica ashley michelle nicole
matthew andrew joshua anthony william
flower purple orange banana cheese chocolate diamond silver golden phoenix angel
babygirl lovely loveme mustang harley ferrari corvette killer matrix
london paris berlin newyork america canada australia
google facebook twitter linkedin yahoo microsoft samsung apple
newsdesk newsroom reporter editor chiefeditor photoeditor journalist newspaper
correcthorsebatterystaple opensesame
`;

/** Runs of keys and counting, read forwards and backwards. */
const RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789'.repeat(3),
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertzuiopasdfghjklyxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
];

const LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '€': 'e' };

let words: Set<string> | undefined;

/** Is this password one an attacker tries first? */
export function isCommonPassword(password: string): boolean {
  words ??= new Set(COMMON_WORDS.split(/\s+/).filter(Boolean));
  const folded = password.toLowerCase().normalize('NFKC');
  const alnum = folded.replace(/[^\p{L}\p{N}]/gu, '');
  const withoutNumbers = alnum.replace(/^\d+|\d+$/g, '');
  // Keyboard and counting runs ("qwertyuiop12"), and one short piece repeated ("abcabcabcabc").
  for (const candidate of [alnum, withoutNumbers]) {
    if (candidate.length === 0 || RUNS.some((run) => run.includes(candidate) || [...run].reverse().join('').includes(candidate))) return true;
    if (/^(.{1,6})\1+$/u.test(candidate)) return true;
  }
  // The word itself, with digits and symbols around it ("Password2024!", "1iloveyou1").
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const lookalikesRead = [...core].map((char) => LOOKALIKES[char] ?? char).join('').replace(/[^\p{L}]/gu, '');
  const candidates = [alnum, withoutNumbers, lookalikesRead];
  // A listed word said twice or more ("letmeinletmein") is the word.
  return candidates.some((candidate) => words!.has(candidate) || words!.has(candidate.replace(/^(.+?)\1+$/u, '$1')));
}
