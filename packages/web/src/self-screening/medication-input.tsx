import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { suggestMedications } from '../api/screening-api';

interface MedicationInputProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}

const minimumQueryLength = 2;

/**
 * Medicines as chips: names suggested from the clinic's drug dictionary while typing (brands and
 * generics), and any name typed as written, since the screening also reads free text.
 */
export function MedicationInput({ value, onChange, error }: MedicationInputProps) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim().toLowerCase(), 200);
  const enabled = query.length >= minimumQueryLength;
  const suggestions = useQuery({
    queryKey: queryKeys.medicationSuggestions(query),
    queryFn: () => suggestMedications(query),
    enabled,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const names = enabled ? [...new Set(suggestions.data?.suggestions.map((s) => s.name) ?? [])] : [];

  return (
    <TagsInput
      label="Medicines you take now"
      description="Start typing and pick a name from the list, or press Enter to add it as you wrote it. Brand names are fine; the dose is not needed."
      placeholder={value.length === 0 ? 'For example: sertraline' : undefined}
      data={names}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // Names such as "hydrocodone, acetaminophen" contain commas: only Enter adds a chip.
      splitChars={[]}
      clearable
      size="md"
      error={error}
    />
  );
}
