/**
 * Hand-curated vocabulary input: which ingredients KetaFlow cares about, their classes, the
 * combination products and the RxNorm codes the RxNorm snapshot lacks (its "A" ingredients).
 *
 * Self-contained on purpose (no imports): `scripts/build-vocabulary.mjs` reads this file with
 * Node's type stripping and writes `data/rxnorm.generated.ts` from it and the RxNorm tables.
 * Class membership is general pharmacology; each class says which knowledge-base interaction
 * class (`Interaction.classId`) it feeds, so the clinical claim and its sources stay in the KB.
 */

/** A drug class of the vocabulary and the knowledge-base interaction class it maps onto. */
export interface CuratedClass {
  readonly id: string;
  readonly name: string;
  /** `classId` of the knowledge-base interaction this class triggers. */
  readonly interactionClassId: string;
  /** Ingredient names (lower case, RxNorm spelling). */
  readonly members: readonly string[];
  /** Why a member sits in this class when that is not obvious. */
  readonly note?: string;
}

export const CURATED_CLASSES: readonly CuratedClass[] = [
  {
    id: 'benzodiazepines',
    name: 'Benzodiazepines',
    interactionClassId: 'benzodiazepines',
    members: [
      'alprazolam',
      'chlordiazepoxide',
      'clobazam',
      'clonazepam',
      'clorazepate',
      'diazepam',
      'estazolam',
      'flurazepam',
      'lorazepam',
      'midazolam',
      'oxazepam',
      'quazepam',
      'remimazolam',
      'temazepam',
      'triazolam',
    ],
  },
  {
    id: 'z-drugs',
    name: 'Z-drugs (non-benzodiazepine hypnotics)',
    interactionClassId: 'cns-depressants',
    members: ['zolpidem', 'zaleplon', 'eszopiclone'],
  },
  {
    id: 'opioids',
    name: 'Opioids',
    interactionClassId: 'opioids',
    members: [
      'alfentanil',
      'benzhydrocodone',
      'buprenorphine',
      'butorphanol',
      'codeine',
      'dihydrocodeine',
      'fentanyl',
      'hydrocodone',
      'hydromorphone',
      'levorphanol',
      'meperidine',
      'methadone',
      'morphine',
      'nalbuphine',
      'oliceridine',
      'oxycodone',
      'oxymorphone',
      'pentazocine',
      'remifentanil',
      'sufentanil',
      'tapentadol',
      'tramadol',
    ],
  },
  {
    id: 'barbiturates',
    name: 'Barbiturates',
    interactionClassId: 'barbiturates',
    members: [
      'butabarbital',
      'butalbital',
      'methohexital',
      'pentobarbital',
      'phenobarbital',
      'primidone',
    ],
    note: 'Primidone is metabolised to phenobarbital.',
  },
  {
    id: 'ssris',
    name: 'Selective serotonin reuptake inhibitors (SSRIs)',
    interactionClassId: 'antidepressants',
    members: [
      'citalopram',
      'escitalopram',
      'fluoxetine',
      'fluvoxamine',
      'paroxetine',
      'sertraline',
    ],
  },
  {
    id: 'snris',
    name: 'Serotonin-noradrenaline reuptake inhibitors (SNRIs)',
    interactionClassId: 'antidepressants',
    members: ['desvenlafaxine', 'duloxetine', 'levomilnacipran', 'milnacipran', 'venlafaxine'],
  },
  {
    id: 'tricyclics',
    name: 'Tricyclic and tetracyclic antidepressants',
    interactionClassId: 'antidepressants',
    members: [
      'amitriptyline',
      'amoxapine',
      'clomipramine',
      'desipramine',
      'doxepin',
      'imipramine',
      'nortriptyline',
      'protriptyline',
      'trimipramine',
    ],
  },
  {
    id: 'other-antidepressants',
    name: 'Other antidepressants',
    interactionClassId: 'antidepressants',
    members: ['bupropion', 'mirtazapine', 'nefazodone', 'trazodone', 'vilazodone', 'vortioxetine'],
  },
  {
    id: 'maois',
    name: 'Monoamine oxidase inhibitors (MAOIs)',
    interactionClassId: 'maois',
    members: [
      'isocarboxazid',
      'phenelzine',
      'rasagiline',
      'safinamide',
      'selegiline',
      'tranylcypromine',
    ],
    note: 'Rasagiline and safinamide are MAO-B inhibitors like selegiline; grouped conservatively.',
  },
  {
    id: 'beta-blockers',
    name: 'Beta blockers',
    interactionClassId: 'antihypertensives',
    members: [
      'acebutolol',
      'atenolol',
      'betaxolol',
      'bisoprolol',
      'carvedilol',
      'labetalol',
      'metoprolol',
      'nadolol',
      'nebivolol',
      'pindolol',
      'propranolol',
      'timolol',
    ],
  },
  {
    id: 'ace-inhibitors',
    name: 'ACE inhibitors',
    interactionClassId: 'antihypertensives',
    members: [
      'benazepril',
      'captopril',
      'enalapril',
      'fosinopril',
      'lisinopril',
      'moexipril',
      'perindopril',
      'quinapril',
      'ramipril',
      'trandolapril',
    ],
  },
  {
    id: 'arbs',
    name: 'Angiotensin II receptor blockers (ARBs)',
    interactionClassId: 'antihypertensives',
    members: [
      'candesartan',
      'eprosartan',
      'irbesartan',
      'losartan',
      'olmesartan',
      'telmisartan',
      'valsartan',
    ],
  },
  {
    id: 'calcium-channel-blockers',
    name: 'Calcium channel blockers',
    interactionClassId: 'antihypertensives',
    members: [
      'amlodipine',
      'diltiazem',
      'felodipine',
      'isradipine',
      'nicardipine',
      'nifedipine',
      'nisoldipine',
      'verapamil',
    ],
  },
  {
    id: 'thiazide-diuretics',
    name: 'Thiazide and thiazide-like diuretics',
    interactionClassId: 'antihypertensives',
    members: [
      'chlorothiazide',
      'chlorthalidone',
      'hydrochlorothiazide',
      'indapamide',
      'metolazone',
    ],
  },
  {
    id: 'loop-diuretics',
    name: 'Loop diuretics',
    interactionClassId: 'antihypertensives',
    members: ['bumetanide', 'furosemide', 'torsemide'],
  },
  {
    id: 'potassium-sparing-diuretics',
    name: 'Aldosterone antagonists and potassium-sparing diuretics',
    interactionClassId: 'antihypertensives',
    members: ['amiloride', 'eplerenone', 'spironolactone', 'triamterene'],
  },
  {
    id: 'alpha-blockers',
    name: 'Alpha-1 blockers',
    interactionClassId: 'antihypertensives',
    members: ['doxazosin', 'prazosin', 'terazosin'],
  },
  {
    id: 'central-alpha-agonists',
    name: 'Central alpha-2 agonists',
    interactionClassId: 'antihypertensives',
    members: ['clonidine', 'guanfacine', 'methyldopa'],
  },
  {
    id: 'vasodilators',
    name: 'Direct vasodilators, nitrates and renin inhibitors',
    interactionClassId: 'antihypertensives',
    members: [
      'aliskiren',
      'hydralazine',
      'isosorbide dinitrate',
      'isosorbide',
      'minoxidil',
      'nitroglycerin',
    ],
    note: 'Nitrates are not antihypertensives by indication but lower blood pressure the same way.',
  },
  {
    id: 'psychostimulants',
    name: 'Psychostimulants and wakefulness agents',
    interactionClassId: 'psychostimulants',
    members: [
      'amphetamine',
      'armodafinil',
      'dexmethylphenidate',
      'dextroamphetamine',
      'lisdexamfetamine',
      'methamphetamine',
      'methylphenidate',
      'modafinil',
      'solriamfetol',
      'atomoxetine',
    ],
    note: 'Atomoxetine is a non-stimulant for ADHD that also raises blood pressure; grouped here so its BP effect is reviewed [inference].',
  },
  {
    id: 'methylxanthines',
    name: 'Theophylline and aminophylline',
    interactionClassId: 'theophylline-aminophylline',
    members: ['theophylline', 'aminophylline'],
  },
  {
    id: 'sympathomimetics',
    name: 'Sympathomimetics and vasopressin',
    interactionClassId: 'sympathomimetics-vasopressin',
    members: [
      'dobutamine',
      'dopamine',
      'ephedrine',
      'epinephrine',
      'isoproterenol',
      'midodrine',
      'norepinephrine',
      'phenylephrine',
      'pseudoephedrine',
      'vasopressin (USP)',
    ],
  },
  {
    id: 'thyroid-hormones',
    name: 'Thyroid hormones',
    interactionClassId: 'thyroid-hormones',
    members: ['levothyroxine', 'liothyronine', 'thyroid (USP)'],
  },
];

/**
 * RxNorm ingredients missing from the snapshot (its "A" file). Codes are RxNorm IN concepts
 * entered by hand from general knowledge of RxNorm; verify against RxNav before release.
 */
export const HAND_ADDED_INGREDIENTS: readonly { readonly name: string; readonly rxcui: string }[] =
  [
    { name: 'acebutolol', rxcui: '149' },
    { name: 'acetaminophen', rxcui: '161' },
    { name: 'acyclovir', rxcui: '281' },
    { name: 'albuterol', rxcui: '435' },
    { name: 'alendronate', rxcui: '46041' },
    { name: 'alfentanil', rxcui: '480' },
    { name: 'aliskiren', rxcui: '325646' },
    { name: 'allopurinol', rxcui: '519' },
    { name: 'alprazolam', rxcui: '596' },
    { name: 'alteplase', rxcui: '8410' },
    { name: 'amantadine', rxcui: '620' },
    { name: 'amiloride', rxcui: '644' },
    { name: 'aminophylline', rxcui: '689' },
    { name: 'amiodarone', rxcui: '703' },
    { name: 'amitriptyline', rxcui: '704' },
    { name: 'amlodipine', rxcui: '17767' },
    { name: 'amoxapine', rxcui: '722' },
    { name: 'amoxicillin', rxcui: '723' },
    { name: 'amphetamine', rxcui: '725' },
    { name: 'ampicillin', rxcui: '733' },
    { name: 'apixaban', rxcui: '1364430' },
    { name: 'aripiprazole', rxcui: '89013' },
    { name: 'armodafinil', rxcui: '641465' },
    { name: 'aspirin', rxcui: '1191' },
    { name: 'atenolol', rxcui: '1202' },
    { name: 'atomoxetine', rxcui: '38400' },
    { name: 'atorvastatin', rxcui: '83367' },
    { name: 'azithromycin', rxcui: '18631' },
  ];

/** US brand names of hand-added ingredients (the snapshot has none for them). */
export const HAND_ADDED_BRANDS: Readonly<Record<string, readonly string[]>> = {
  acebutolol: ['Sectral'],
  acetaminophen: ['Tylenol'],
  acyclovir: ['Zovirax'],
  albuterol: ['ProAir', 'Ventolin', 'Proventil'],
  alendronate: ['Fosamax', 'Binosto'],
  alfentanil: ['Alfenta'],
  aliskiren: ['Tekturna'],
  allopurinol: ['Zyloprim', 'Aloprim'],
  alprazolam: ['Xanax', 'Xanax XR', 'Niravam'],
  amitriptyline: ['Elavil'],
  amlodipine: ['Norvasc', 'Katerzia'],
  amoxicillin: ['Amoxil'],
  amphetamine: ['Evekeo', 'Adzenys', 'Dyanavel'],
  aripiprazole: ['Abilify'],
  armodafinil: ['Nuvigil'],
  aspirin: ['Ecotrin'],
  atenolol: ['Tenormin'],
  atomoxetine: ['Strattera'],
  atorvastatin: ['Lipitor'],
  azithromycin: ['Zithromax', 'Z-Pak', 'Zmax'],
};

/**
 * Brands of snapshot ingredients outside the classes that medication lists often carry. The build
 * takes them from the snapshot's brand names (and fails if one is not there), with the branded-drug
 * codes (SBD, BPCK) named after them, so that a Synthea `Liletta` code resolves.
 */
export const SNAPSHOT_BRANDS: Readonly<Record<string, readonly string[]>> = {
  // Levonorgestrel intrauterine systems.
  levonorgestrel: ['Kyleena', 'Liletta', 'Mirena', 'Skyla'],
};

/** Combination products by brand, with every ingredient (the snapshot lacks "A" parts). */
export const COMBINATION_PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  Norco: ['hydrocodone', 'acetaminophen'],
  Vicodin: ['hydrocodone', 'acetaminophen'],
  Lortab: ['hydrocodone', 'acetaminophen'],
  Lorcet: ['hydrocodone', 'acetaminophen'],
  Percocet: ['oxycodone', 'acetaminophen'],
  Endocet: ['oxycodone', 'acetaminophen'],
  Roxicet: ['oxycodone', 'acetaminophen'],
  Percodan: ['oxycodone', 'aspirin'],
  'Tylenol with Codeine': ['codeine', 'acetaminophen'],
  Ultracet: ['tramadol', 'acetaminophen'],
  Suboxone: ['buprenorphine', 'naloxone'],
  Zubsolv: ['buprenorphine', 'naloxone'],
  Bunavail: ['buprenorphine', 'naloxone'],
  Fioricet: ['butalbital', 'acetaminophen', 'caffeine'],
  Esgic: ['butalbital', 'acetaminophen', 'caffeine'],
  Fiorinal: ['butalbital', 'aspirin', 'caffeine'],
  'Fioricet with Codeine': ['butalbital', 'acetaminophen', 'caffeine', 'codeine'],
  Adderall: ['amphetamine', 'dextroamphetamine'],
  'Adderall XR': ['amphetamine', 'dextroamphetamine'],
  Mydayis: ['amphetamine', 'dextroamphetamine'],
  Symbyax: ['olanzapine', 'fluoxetine'],
  Limbitrol: ['chlordiazepoxide', 'amitriptyline'],
  Librax: ['chlordiazepoxide', 'clidinium'],
  Lotrel: ['amlodipine', 'benazepril'],
  Exforge: ['amlodipine', 'valsartan'],
  Azor: ['amlodipine', 'olmesartan'],
  Twynsta: ['telmisartan', 'amlodipine'],
  Hyzaar: ['losartan', 'hydrochlorothiazide'],
  Zestoretic: ['lisinopril', 'hydrochlorothiazide'],
  Tenoretic: ['atenolol', 'chlorthalidone'],
  Ziac: ['bisoprolol', 'hydrochlorothiazide'],
  Contrave: ['naltrexone', 'bupropion'],
  Auvelity: ['dextromethorphan', 'bupropion'],
};

/** Abbreviations and common lay names written on medication lists. */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // INN and Synthea spelling ("Alendronic acid 10 MG Oral Tablet") of RxNorm's alendronate.
  'alendronic acid': ['alendronate'],
  // RxNorm names cyanocobalamin "vitamin B12" (IN 11248, in the snapshot).
  cyanocobalamin: ['vitamin B12'],
  apap: ['acetaminophen'],
  paracetamol: ['acetaminophen'],
  asa: ['aspirin'],
  hctz: ['hydrochlorothiazide'],
  ntg: ['nitroglycerin'],
  mph: ['methylphenidate'],
  'levothyroxine sodium': ['levothyroxine'],
  'dextroamphetamine-amphetamine': ['amphetamine', 'dextroamphetamine'],
  'mixed amphetamine salts': ['amphetamine', 'dextroamphetamine'],
  adrenaline: ['epinephrine'],
  'isosorbide mononitrate': ['isosorbide'],
  ismn: ['isosorbide'],
  noradrenaline: ['norepinephrine'],
  pethidine: ['meperidine'],
  'glyceryl trinitrate': ['nitroglycerin'],
  'hydrocodone-acetaminophen': ['hydrocodone', 'acetaminophen'],
  'oxycodone-acetaminophen': ['oxycodone', 'acetaminophen'],
  'buprenorphine-naloxone': ['buprenorphine', 'naloxone'],
};
