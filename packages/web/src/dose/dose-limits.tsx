import { Alert, Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import type { DoseJson, DoseLimitJson } from '@ketaflow/core';
import { limitTitle } from './limit-title';

interface DoseLimitsProps {
  result: DoseJson;
  reasons: Readonly<Record<string, string>>;
  onReasonChange: (code: string, reason: string) => void;
  /** Field errors from the server, by limit code. */
  reasonErrors?: Readonly<Record<string, string>> | undefined;
}

/**
 * Marks a limit that is a clinic setting, from the limit's own data: one the clinic (or this
 * location) chose itself, or one no clinical source sets, at the knowledge base's default (the
 * weight range and the weight checks). A prescriber can tell the clinic's number from the
 * knowledge base's sourced one at a glance, in a calculation and in a server's refusal alike.
 */
export function ClinicSettingBadge({
  limit,
}: {
  limit: Partial<Pick<DoseLimitJson, 'basis' | 'clinicSetting'>>;
}) {
  // Calculations stored before limits carried a basis have none: say nothing rather than guess.
  if (limit.basis !== 'clinic-setting') return null;
  const set = limit.clinicSetting;
  const text = set?.scope === 'location' ? 'Location setting' : 'Clinic setting';
  const title =
    set?.atDefault === true
      ? 'No clinical source sets this limit. It is the default; the clinic may change it.'
      : 'Set by the clinic in place of the knowledge base’s limit.';
  return (
    <Badge color="dark" variant="white" size="sm" title={title} data-testid="limit-clinic-setting">
      {text}
    </Badge>
  );
}

function HardLimit({ limit }: { limit: DoseLimitJson }) {
  return (
    <Alert
      color="red"
      variant="filled"
      title={
        <Group gap="xs">
          Hard limit: blocked — do not give
          <ClinicSettingBadge limit={limit} />
        </Group>
      }
    >
      {limit.message}
    </Alert>
  );
}

function SoftLimit(props: {
  limit: DoseLimitJson;
  reason: string;
  error: string | undefined;
  onChange: (reason: string) => void;
}) {
  const { limit } = props;
  const label = `Reason to override: ${limitTitle(limit)}`;
  return (
    <Alert
      color="yellow"
      variant="light"
      styles={{ root: { borderLeft: '4px solid var(--mantine-color-yellow-7)' } }}
      title={
        <Group gap="xs">
          {limit.overridden ? 'Soft limit: overridden with a reason' : 'Soft limit: needs a reason'}
          <ClinicSettingBadge limit={limit} />
        </Group>
      }
    >
      <Stack gap="xs">
        <Text size="sm">{limit.message}</Text>
        <TextInput
          label={label}
          required
          value={props.reason}
          error={props.error}
          placeholder="Why is it right to go on for this patient?"
          onChange={(event) => {
            props.onChange(event.currentTarget.value);
          }}
        />
      </Stack>
    </Alert>
  );
}

/** Limits as a pump drug library shows them: hard ones block, soft ones each need a reason. */
export function DoseLimits({
  result,
  reasons,
  onReasonChange,
  reasonErrors = {},
}: DoseLimitsProps) {
  if (result.limits.length === 0) return null;
  return (
    <Stack gap="sm" role="group" aria-label="Limits">
      {result.limits.map((limit) =>
        limit.level === 'hard' ? (
          <HardLimit key={limit.code} limit={limit} />
        ) : (
          <SoftLimit
            key={limit.code}
            limit={limit}
            reason={reasons[limit.code] ?? ''}
            error={reasonErrors[limit.code]}
            onChange={(reason) => {
              onReasonChange(limit.code, reason);
            }}
          />
        ),
      )}
    </Stack>
  );
}
