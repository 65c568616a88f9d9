import { Alert, Box, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DoseJson } from '@ketaflow/core';
import { formatDateTime } from '../format/dates';
import { formatKilograms } from '../format/units';
import { resultRows } from './dose-result-table';
import { productLabels } from './labels';
import './print.css';

export interface SheetPatient {
  givenName: string;
  familyName: string;
  mrn: string;
  birthDate: string;
}

export interface PumpSheetProps {
  patient: SheetPatient | undefined;
  result: DoseJson;
  indicationName: string | undefined;
  diluent: string;
  knowledgeVersion: string;
  /** The weight the calculation used and the date it was measured. */
  weightUsed: { valueKg: number; measuredOn: string | null } | null;
  /** The stored calculation the sheet shows; `null` for an unsaved preview. */
  saved: { id: string; createdAt: string; createdBy: string } | null;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

function Verdict({ result, saved }: Pick<PumpSheetProps, 'result' | 'saved'>) {
  if (result.blocked)
    return (
      <Alert color="red" variant="outline" title="BLOCKED — DO NOT GIVE">
        A hard limit is hit.
      </Alert>
    );
  if (result.requiresOverride)
    return (
      <Alert color="red" variant="outline" title="NOT READY — a soft limit has no reason">
        Do not prepare until every soft limit has a recorded reason.
      </Alert>
    );
  if (saved === null)
    return (
      <Alert color="gray" variant="outline" title="PREVIEW — not saved">
        This calculation has not been saved to the record.
      </Alert>
    );
  return null;
}

const infusionChecks = [
  'Prepared by',
  'Independent double check by',
  'Pump programmed by',
  'Pump settings checked by',
];
const nasalChecks = ['Prepared by', 'Independent double check by', 'Given by'];

/** The pump programming sheet: what to draw up, how to run it, and lines for a double check. */
export function PumpSheet(props: PumpSheetProps) {
  const { patient, result, saved } = props;
  const isInfusion = result.product === 'ketamine-iv';
  const weight = props.weightUsed;
  return (
    <Box className="kf-sheet" component="article" aria-labelledby="pump-sheet-title">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id="pump-sheet-title">
            {isInfusion ? 'Pump programming sheet' : 'Esketamine nasal spray sheet'}
          </Title>
          <Text size="sm">KetaFlow</Text>
        </Group>
        <Verdict result={result} saved={saved} />
        <SimpleGrid cols={3} spacing="xs">
          <Field
            label="Patient"
            value={patient === undefined ? '—' : `${patient.familyName}, ${patient.givenName}`}
          />
          <Field label="MRN" value={patient?.mrn ?? '—'} />
          <Field label="Date of birth" value={patient?.birthDate ?? '—'} />
          <Field
            label="Weight used"
            value={
              weight === null
                ? '—'
                : `${formatKilograms(weight.valueKg)}${weight.measuredOn === null ? '' : `, measured ${weight.measuredOn}`}`
            }
          />
          <Field label="Protocol" value={props.indicationName ?? '—'} />
          <Field label="Drug" value={productLabels[result.product]} />
          {isInfusion && <Field label="Diluent" value={props.diluent} />}
        </SimpleGrid>
        <Table aria-label="Sheet values" withTableBorder withColumnBorders verticalSpacing={4}>
          <Table.Tbody>
            {resultRows(result).map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" w="45%">
                  {row.label}
                </Table.Th>
                <Table.Td fw={600}>{row.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div>
          <Title order={3} size="h5">
            Limits and override reasons
          </Title>
          {result.limits.length === 0 ? (
            <Text size="sm">No limit hit.</Text>
          ) : (
            <List size="sm">
              {result.limits.map((limit) => (
                <List.Item key={limit.code}>
                  <strong>{limit.level === 'hard' ? 'HARD' : 'Soft'}:</strong> {limit.message}
                  {limit.reason !== undefined && (
                    <>
                      {' '}
                      <strong>Override reason:</strong> {limit.reason}
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Title order={3} size="h5">
            Arithmetic
          </Title>
          <List type="ordered" size="xs" ff="monospace">
            {result.steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </div>
        <Text size="xs">
          Knowledge version {props.knowledgeVersion}
          {saved === null
            ? ' · preview, not saved'
            : ` · saved ${formatDateTime(saved.createdAt)} by ${saved.createdBy} · calculation ${saved.id}`}
        </Text>
        <Table
          aria-label="Independent double check"
          className="kf-sheet-lines"
          withTableBorder
          withColumnBorders
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Signature</Table.Th>
              <Table.Th scope="col">Date and time</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(isInfusion ? infusionChecks : nasalChecks).map((role) => (
              <Table.Tr key={role}>
                <Table.Th scope="row">{role}</Table.Th>
                <Table.Td />
                <Table.Td />
                <Table.Td />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Box>
  );
}
