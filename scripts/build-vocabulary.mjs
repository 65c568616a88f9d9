#!/usr/bin/env node
/**
 * Builds packages/core/src/vocabulary/data/rxnorm.generated.ts from the public-domain RxNorm
 * Current Prescribable Content tables in ../shared/data/external/rxnorm-prescribable-ingredients
 * and the hand curation in packages/core/src/vocabulary/curation.ts.
 *
 * It keeps only what screening needs: every ingredient name with its RXCUI (so that a drug
 * outside the interaction classes is still recognised), and for the curated ingredients their
 * clinical-drug and branded-drug codes (SCD, SBD, GPCK, BPCK) and brand names, and the few
 * brands of other ingredients listed in SNAPSHOT_BRANDS with their branded-drug codes.
 *
 * Usage: npx tsx scripts/build-vocabulary.mjs [path-to-rxnorm-dir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(
  process.argv[2] ??
    join(root, '..', 'shared', 'data', 'external', 'rxnorm-prescribable-ingredients'),
);
const out = join(root, 'packages', 'core', 'src', 'vocabulary', 'data', 'rxnorm.generated.ts');

const curation = await import(join(root, 'packages', 'core', 'src', 'vocabulary', 'curation.ts'));

/** Minimal RFC 4180 reader: quoted fields may hold commas and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const rows = parseCsv(readFileSync(join(dataDir, 'rxcui-to-ingredient.csv'), 'utf8')).slice(1);

const relevant = new Set();
for (const c of curation.CURATED_CLASSES) for (const m of c.members) relevant.add(m);
for (const parts of Object.values(curation.COMBINATION_PRODUCTS))
  for (const p of parts) relevant.add(p);
for (const name of ['ketamine', 'esketamine']) relevant.add(name);
// A synonym only needs its ingredient to exist: it must not pull in every brand of that
// ingredient (cyanocobalamin would bring multivitamin brands read as vitamin B12 alone).
const synonymTargets = new Set(Object.values(curation.SYNONYMS).flat());

/** name -> rxcui of every IN concept. */
const ingredientCode = new Map();
/** relevant ingredient name -> set of product codes. */
const productCodes = new Map();
/** brand name -> set of relevant ingredient names. */
const brandIngredients = new Map();
const PRODUCT_TTYS = new Set(['SCD', 'SBD', 'GPCK', 'BPCK']);

/** ingredient name -> brands to take from the snapshot although the ingredient is not curated. */
const snapshotBrands = new Map(Object.entries(curation.SNAPSHOT_BRANDS));
const foundSnapshotBrands = new Set();

for (const [rxcui, tty, name, ingRxcui, ingTty, ingName] of rows) {
  if (ingTty !== 'IN') continue;
  if (tty === 'IN' && rxcui === ingRxcui) ingredientCode.set(ingName, rxcui);
  const wanted = snapshotBrands.get(ingName);
  if (!relevant.has(ingName) && wanted !== undefined) {
    // Only the listed brands and the branded drugs named after them (`... [Mirena]`).
    const brand = tty === 'BN' ? name : (/\[([^\]]+)\]$/.exec(name)?.[1] ?? '');
    if (!wanted.includes(brand)) continue;
    if (tty === 'BN') {
      foundSnapshotBrands.add(`${ingName}|${brand}`);
      if (!brandIngredients.has(name)) brandIngredients.set(name, new Set());
      brandIngredients.get(name).add(ingName);
    } else if (tty === 'SBD' || tty === 'BPCK') {
      if (!productCodes.has(ingName)) productCodes.set(ingName, new Set());
      productCodes.get(ingName).add(rxcui);
    }
    continue;
  }
  if (!relevant.has(ingName)) continue;
  if (PRODUCT_TTYS.has(tty)) {
    if (!productCodes.has(ingName)) productCodes.set(ingName, new Set());
    productCodes.get(ingName).add(rxcui);
  } else if (tty === 'BN') {
    if (!brandIngredients.has(name)) brandIngredients.set(name, new Set());
    brandIngredients.get(name).add(ingName);
  }
}

for (const [ingredient, brands] of snapshotBrands)
  for (const brand of brands)
    if (!foundSnapshotBrands.has(`${ingredient}|${brand}`))
      throw new Error(`SNAPSHOT_BRANDS: ${brand} is not a brand of ${ingredient} in the snapshot`);

const handAdded = new Set();
for (const { name, rxcui } of curation.HAND_ADDED_INGREDIENTS) {
  if (ingredientCode.has(name)) throw new Error(`${name} is in the snapshot; do not hand-add it`);
  ingredientCode.set(name, rxcui);
  handAdded.add(name);
}
const missing = [...relevant, ...synonymTargets].filter((n) => !ingredientCode.has(n));
if (missing.length > 0)
  throw new Error(`curated ingredients without an RxNorm code: ${missing.join(', ')}`);

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const ingredientLines = [...ingredientCode.entries()]
  .sort(([a], [b]) => byName(a, b))
  .map(([name, rxcui]) => `${name}|${rxcui}${handAdded.has(name) ? '|hand' : ''}`);
const brandLines = [...brandIngredients.entries()]
  .sort(([a], [b]) => byName(a, b))
  .map(([brand, ings]) => `${brand}|${[...ings].sort(byName).join('+')}`);
const codeLines = [...productCodes.entries()]
  .sort(([a], [b]) => byName(a, b))
  .map(([name, codes]) => `${name}|${[...codes].sort((a, b) => Number(a) - Number(b)).join(' ')}`);

const text = `// Generated by scripts/build-vocabulary.mjs: do not edit by hand.
// Source: RxNorm, U.S. National Library of Medicine (Current Prescribable Content, 06 Oct 2025),
// plus the hand-added "A" ingredients of curation.ts (marked |hand). Public domain.

/** Every RxNorm ingredient (IN) as \`name|rxcui\` lines; \`|hand\` marks a hand-added code. */
export const INGREDIENT_LINES = \`
${ingredientLines.join('\n')}
\`;

/** Brand names (BN) of the curated ingredients and of SNAPSHOT_BRANDS, as \`brand|ingredient+ingredient\` lines. */
export const BRAND_LINES = \`
${brandLines.join('\n')}
\`;

/** Clinical and branded drug codes (SCD, SBD, GPCK, BPCK) per curated ingredient; SBD and BPCK of SNAPSHOT_BRANDS. */
export const PRODUCT_CODE_LINES = \`
${codeLines.join('\n')}
\`;
`;
writeFileSync(out, text);
console.log(
  `wrote ${out}: ${ingredientLines.length} ingredients, ${brandLines.length} brands, ${[...productCodes.values()].reduce((n, s) => n + s.size, 0)} product codes`,
);
