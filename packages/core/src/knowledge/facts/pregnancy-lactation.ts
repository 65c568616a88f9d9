import type { ReproductiveGuidance } from '../schema/reproductive';

/** Pregnancy, breastfeeding and contraception (seed; reference sections 1.6 and 2.9). */
export const pregnancyAndLactation: readonly ReproductiveGuidance[] = [
  {
    code: 'PL.PREGNANCY',
    topic: 'pregnancy',
    appliesTo: ['ketamine', 'esketamine'],
    severity: 'critical',
    summary:
      'Not recommended in pregnancy: animal studies show harm to the developing brain; safe use is not established.',
    plainLanguage:
      "Ketamine is generally not used during pregnancy. Studies in animals suggest it may harm how a baby's brain grows, and there is little research in pregnant women. If you are pregnant or planning a pregnancy, talk to your provider about other treatments; if you become pregnant during treatment, contact us straight away.",
    detail:
      'No adequate human studies. Animal data: developmental delay in rats and rabbits and nerve-cell loss in primates; anaesthetics acting on NMDA or GABA receptors for more than 3 hours harmed the developing brain from the third trimester on. Ketamine label: not recommended, including obstetric use. Esketamine labelling: not recommended.',
    management:
      'Check pregnancy status before a course and whenever it may have changed. Offer alternatives. Report any exposure during pregnancy to the registry.',
    evidenceNote:
      'Labels say "not recommended"; the pain guideline calls pregnancy a relative contraindication. KetaFlow treats it as critical by default; a clinic may change that.',
    registry: {
      name: 'National Pregnancy Registry for Antidepressants',
      phone: '1-844-405-6185',
      sources: ['S35', 'S36'],
    },
    statusRules: {
      pregnantMaxAge: {
        maxAgeDays: 294,
        basis: 'clinic-setting',
        sources: ['S02', 'S35'],
        note: 'Clinic default of 42 weeks, the longest a pregnancy usually lasts: an older pregnancy record, even one left active, no longer shows a current pregnancy. No source gives this window.',
      },
      notPregnantMaxAge: {
        maxAgeDays: 14,
        basis: 'clinic-setting',
        sources: ['S02', 'S35'],
        note: 'Conservative clinic default: a "not pregnant" status older than 14 days is treated as unknown. No source gives this window.',
      },
      askAgeYears: {
        min: 10,
        max: 55,
        basis: 'clinic-setting',
        sources: ['S02', 'S37'],
        note: 'Clinic default, deliberately wide: female patients from 10 to 55 years old are asked for their pregnancy status unless a clinician records that pregnancy is not possible.',
      },
    },
    sources: ['SEED', 'S02', 'S03', 'S35', 'S36', 'S43'],
  },
  {
    code: 'PL.BREASTFEEDING',
    topic: 'breastfeeding',
    appliesTo: ['ketamine', 'esketamine'],
    severity: 'warning',
    summary:
      'Avoid while breastfeeding unless a prescriber decides otherwise; milk studies show low transfer.',
    plainLanguage:
      'There is little information on ketamine and breastfeeding, and we cannot be sure how much reaches breast milk, so it is usually best to avoid treatment while nursing. Talk to your provider about options that are safer for you and your baby.',
    detail:
      'Ketamine: a label summary says not recommended. Small milk studies found relative infant doses under 1% (0.34-0.77%), with levels very low by 12 hours and no infant effects reported; LactMed rates the risk low but advises watching the infant for sedation and poor feeding, and e-lactancia rates it likely compatible. Esketamine: US labelling advises not breastfeeding; LactMed suggests avoiding repeated nasal doses.',
    management:
      'Ask about breastfeeding at intake. If treatment goes ahead after review, advise watching the infant for sleepiness, poor feeding and poor weight gain.',
    evidenceNote:
      'Sources conflict: labels advise against; small PK studies suggest low infant exposure. The default follows the labels and the seed (warning, not a hard stop).',
    sources: ['SEED', 'S09b', 'S36', 'S38', 'S44a', 'S44b', 'S44c', 'S75a'],
  },
  {
    code: 'PL.CONTRACEPTION',
    topic: 'contraception',
    appliesTo: ['esketamine'],
    severity: 'info',
    summary:
      'Non-US esketamine labelling advises effective contraception during treatment and 6 weeks after.',
    plainLanguage:
      'If you could become pregnant, use reliable contraception during treatment and for 6 weeks after your last dose.',
    detail:
      'Ex-US esketamine labelling asks for highly effective contraception during treatment and for 6 weeks after the last dose.',
    management: 'Discuss contraception at intake for patients who could become pregnant.',
    evidenceNote: 'Non-US labelling only; not confirmed in the US label.',
    sources: ['S37'],
  },
];
