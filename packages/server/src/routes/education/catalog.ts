/** The education pages that are not per indication, in reading order (navigation and tests). */
export const EDUCATION_PAGES = [
  { path: '/learn/ketamine-therapy', label: 'What ketamine therapy is' },
  { path: '/learn/who-should-not', label: 'Who should not have it' },
  { path: '/learn/interactions', label: 'Medicines that interact' },
  { path: '/learn/pregnancy', label: 'Pregnancy and breastfeeding' },
  { path: '/learn/side-effects', label: 'Side effects and risks' },
  { path: '/learn/research', label: 'What research says' },
  { path: '/learn/faq', label: 'Questions and answers' },
] as const;

export function indicationPath(id: string): string {
  return `/learn/indications/${id}`;
}
