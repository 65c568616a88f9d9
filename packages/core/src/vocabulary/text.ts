/**
 * Words on a medication line that never name a drug: units, dose forms, routes, release
 * modifiers, frequencies, salts and connectors. Dropped before names are looked up.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'mg mcg ug g gm gram grams kg ml l meq unit units iu actuat actuation puff puffs spray sprays ' +
    'hr hrs h hour hours day days week weeks month daily weekly nightly ' +
    'tab tabs tablet tablets cap caps capsule capsules pill pills chewable odt soln solution ' +
    'susp suspension syrup elixir liquid oral po sl iv im sc subq subcut intravenous ' +
    'intramuscular injectable injection inj vial patch patches transdermal topical nasal ' +
    'mucosal buccal sublingual film films lozenge cream gel ointment inhaler inhalation ' +
    'nebulizer drops rectal suppository kit pack prefilled syringe pen auto injector pump ' +
    'er xr sr cr la xl dr ir ec cd extended immediate delayed controlled sustained release ' +
    'releasing modified disintegrating orally coated enteric extra strength regular ' +
    'bid tid qid qd qod qhs qam qpm hs ac pc prn q4h q6h q8h q12h q24h once twice three times ' +
    'every per as needed at bedtime morning evening night am pm with w and or of for to by ' +
    'take takes taking dose doses usp hcl hydrochloride dihydrochloride hydrobromide bitartrate ' +
    'tartrate succinate maleate besylate mesylate citrate sulfate phosphate acetate fumarate ' +
    'bromide sodium potassium magnesium monohydrate anhydrous free base salt salts'
  ).split(' '),
);

/** True when a word is a unit, form, route, frequency, salt or connector. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Lower-case words of a line, without numbers (strengths such as `1`, `0.5`, `100mg`), units,
 * forms, frequencies or salts. One pass over the characters, no regular expressions.
 */
export function contentWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  // End of a lone `b` just pushed: "Vitamin B 12" (Synthea) names vitamin B12, not a strength.
  let loneB = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isWordChar(code)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const first = lower.charCodeAt(start);
      if (first < 48 || first > 57) {
        const word = lower.slice(start, i);
        if (!STOPWORDS.has(word)) words.push(word);
        loneB = word === 'b' ? i : -1;
      } else {
        // One or two digits right after the `b` (one space or hyphen between, no decimals).
        if (loneB === start - 1 && i - start <= 2 && code !== 46)
          words[words.length - 1] = `b${lower.slice(start, i)}`;
        loneB = -1;
      }
      start = -1;
    }
  }
  return words;
}

/** The lookup key of a name: its content words joined by single spaces. */
export function nameKey(name: string): string {
  const words = contentWords(name);
  return words.length > 0 ? words.join(' ') : name.toLowerCase().trim();
}
