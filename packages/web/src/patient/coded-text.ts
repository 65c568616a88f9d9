/** `System code` for display, or a dash when the entry is uncoded. */
export function describeCode(system: string | null, code: string | null): string {
  if (code === null) return '—';
  return system === null ? code : `${system} ${code}`;
}
