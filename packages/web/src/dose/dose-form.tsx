import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { DoseProduct, KnowledgeBase, WeightBasis } from '@ketaflow/core';
import type { ReactNode } from 'react';
import type { Patient } from '../api/patient-types';
import {
  nasalDoses,
  VIAL_STRENGTHS,
  type BagMode,
  type DoseField,
  type DoseInputs,
} from './dose-inputs';
import { bagModeLabels, productLabels, weightBasisLabels } from './labels';
import { RecordFactNote } from './record-fact-note';
import { inSentence } from '../format/labels';

interface DoseFormProps {
  kb: KnowledgeBase;
  patient: Patient | undefined;
  inputs: DoseInputs;
  errors: Partial<Record<DoseField, string>>;
  asOf: string;
  onChange: (patch: Partial<DoseInputs>) => void;
}

const unitWidth = 84;

/** The unit of a quantity, inside the number field's right edge; named for screen readers. */
function UnitSelect<U extends string>(props: {
  label: string;
  value: U;
  units: readonly U[];
  onChange: (unit: U) => void;
}) {
  return (
    <NativeSelect
      aria-label={props.label}
      data={[...props.units]}
      value={props.value}
      rightSectionWidth={24}
      styles={{
        input: {
          width: unitWidth,
          fontWeight: 500,
          // Inside the number field's border: 2 px lower than a field of the same size.
          height: 'calc(var(--input-height-sm) - 2px)',
          minHeight: 'calc(var(--input-height-sm) - 2px)',
          borderTopLeftRadius: 0,
          borderBottomLeftRadius: 0,
          borderTop: 0,
          borderBottom: 0,
          borderRight: 0,
        },
      }}
      onChange={(event) => {
        const unit = props.units.find((u) => u === event.currentTarget.value);
        if (unit !== undefined) props.onChange(unit);
      }}
    />
  );
}

/** A number field with its unit at its right edge; the error sits under the number. */
function QuantityField(props: {
  label: string;
  value: string;
  error: string | undefined;
  description?: ReactNode;
  placeholder?: string | undefined;
  onChange: (text: string) => void;
  unit: ReactNode;
}) {
  return (
    <TextInput
      label={props.label}
      inputMode="decimal"
      autoComplete="off"
      value={props.value}
      error={props.error}
      description={props.description}
      placeholder={props.placeholder}
      onChange={(event) => {
        props.onChange(event.currentTarget.value);
      }}
      rightSection={props.unit}
      rightSectionWidth={props.unit === null ? undefined : unitWidth}
    />
  );
}

/** "0.5 mg/kg" for a fixed value, "0.1–0.5 mg/kg" for a range. */
function describeRange(range: { min: number; max: number }, unit: string): string {
  return range.min === range.max
    ? `${String(range.min)} ${unit}`
    : `${String(range.min)}–${String(range.max)} ${unit}`;
}

function optionsOf<V extends string>(labels: Readonly<Record<V, string>>) {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

/** Every input of the calculator, each with its label and its own error underneath. */
export function DoseForm({ kb, patient, inputs, errors, asOf, onChange }: DoseFormProps) {
  const isNasal = inputs.product === 'esketamine-nasal';
  const protocol = kb.protocols[inputs.indication as keyof KnowledgeBase['protocols']] as
    KnowledgeBase['protocols'][keyof KnowledgeBase['protocols']] | undefined;
  const prep = kb.infusionPreparation;
  const locations = Object.keys(kb.locationGuardrails);
  const basisDefault = protocol?.weightBasis ?? kb.clinic.weightBasisDefault;
  const nasal = nasalDoses(kb);

  return (
    <Stack gap="md">
      <Fieldset legend="Protocol and product">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Protocol (indication)"
            value={inputs.indication}
            error={errors.indication}
            data={[
              { value: '', label: 'Choose a protocol' },
              ...kb.indications.map((i) => ({ value: i.id, label: i.displayName })),
            ]}
            onChange={(event) => {
              onChange({ indication: event.currentTarget.value, reasons: {} });
            }}
          />
          <NativeSelect
            label="Product"
            value={inputs.product}
            error={errors.product}
            data={optionsOf(productLabels)}
            onChange={(event) => {
              onChange({ product: event.currentTarget.value as DoseProduct, reasons: {} });
            }}
          />
          {locations.length > 0 && (
            <NativeSelect
              label="Location"
              description="A location may tighten the clinic's limits"
              value={inputs.location}
              error={errors.location}
              data={[{ value: '', label: 'Clinic-wide limits' }, ...locations]}
              onChange={(event) => {
                onChange({ location: event.currentTarget.value });
              }}
            />
          )}
        </SimpleGrid>
      </Fieldset>

      {isNasal ? (
        <Fieldset legend="Esketamine dose">
          <NativeSelect
            label="Esketamine dose"
            description={`Whole ${String(nasal.mgPerDevice)} mg devices: ${nasal.dosesText}`}
            value={inputs.nasalDose}
            error={errors.nasalDose}
            data={[
              { value: '', label: 'Choose a dose' },
              ...nasal.dosesMg.map((mg) => ({ value: mg, label: `${mg} mg` })),
            ]}
            onChange={(event) => {
              onChange({ nasalDose: event.currentTarget.value });
            }}
          />
        </Fieldset>
      ) : (
        <>
          <Fieldset legend="Patient">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <QuantityField
                label="Weight"
                value={inputs.weight}
                error={errors.weight}
                description={
                  <RecordFactNote kind="weight" patient={patient} inputs={inputs} asOf={asOf} />
                }
                onChange={(weight) => {
                  onChange({ weight });
                }}
                unit={
                  <UnitSelect
                    label="Weight unit"
                    value={inputs.weightUnit}
                    units={['kg', 'lb'] as const}
                    onChange={(weightUnit) => {
                      onChange({ weightUnit });
                    }}
                  />
                }
              />
              <TextInput
                label="Weight measured on"
                type="date"
                max={asOf}
                value={inputs.weightMeasuredOn}
                error={errors.weightMeasuredOn}
                description="Its age is checked against the clinic's re-weigh limit"
                onChange={(event) => {
                  onChange({ weightMeasuredOn: event.currentTarget.value });
                }}
              />
              <QuantityField
                label="Height"
                value={inputs.height}
                error={errors.height}
                description={
                  <RecordFactNote kind="height" patient={patient} inputs={inputs} asOf={asOf} />
                }
                onChange={(height) => {
                  onChange({ height });
                }}
                unit={
                  <UnitSelect
                    label="Height unit"
                    value={inputs.heightUnit}
                    units={['cm', 'in'] as const}
                    onChange={(heightUnit) => {
                      onChange({ heightUnit });
                    }}
                  />
                }
              />
              <NativeSelect
                label="Sex"
                value={inputs.sex}
                error={errors.sex}
                description={
                  <RecordFactNote kind="sex" patient={patient} inputs={inputs} asOf={asOf} />
                }
                data={[
                  { value: '', label: 'Not given' },
                  { value: 'female', label: 'Female' },
                  { value: 'male', label: 'Male' },
                ]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onChange({ sex: value === 'female' || value === 'male' ? value : '' });
                }}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Preparation">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Vial concentration"
                value={inputs.concentration}
                error={errors.concentration}
                data={[
                  { value: '', label: 'Choose a vial strength' },
                  ...VIAL_STRENGTHS.map((c) => ({ value: c, label: `${c} mg/mL` })),
                ]}
                onChange={(event) => {
                  onChange({ concentration: event.currentTarget.value });
                }}
              />
              <QuantityField
                label="Bag volume (mL)"
                value={inputs.bagVolume}
                error={errors.bagVolume}
                description={`Clinic setting: ${String(prep.bagVolumeMl)} mL ${prep.diluent}`}
                onChange={(bagVolume) => {
                  onChange({ bagVolume });
                }}
                unit={null}
              />
              <NativeSelect
                label="Bag preparation"
                value={inputs.bagMode}
                error={errors.bagMode}
                description={`Clinic setting: ${inSentence(bagModeLabels[prep.bagMode])}`}
                data={optionsOf(bagModeLabels)}
                onChange={(event) => {
                  onChange({ bagMode: event.currentTarget.value as BagMode });
                }}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Dose and duration">
            <Text size="sm" c="dimmed" mb="xs">
              Leave dose and duration empty to use the protocol&apos;s defaults.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <QuantityField
                label="Dose"
                value={inputs.dose}
                error={errors.dose}
                placeholder={
                  protocol === undefined
                    ? undefined
                    : `${String(protocol.doseMgPerKg.default)} (protocol)`
                }
                description={
                  protocol === undefined
                    ? 'Protocol default'
                    : `Protocol: ${describeRange(protocol.doseMgPerKg, 'mg/kg')}, default ${String(protocol.doseMgPerKg.default)} mg/kg`
                }
                onChange={(dose) => {
                  onChange({ dose });
                }}
                unit={
                  <UnitSelect
                    label="Dose unit"
                    value={inputs.doseUnit}
                    units={['mg/kg', 'mg'] as const}
                    onChange={(doseUnit) => {
                      onChange({ doseUnit });
                    }}
                  />
                }
              />
              <QuantityField
                label="Duration"
                value={inputs.duration}
                error={errors.duration}
                placeholder={
                  protocol === undefined
                    ? undefined
                    : `${String(protocol.durationMin.default)} (protocol)`
                }
                description={
                  protocol === undefined
                    ? 'Protocol default'
                    : `Protocol: ${describeRange(protocol.durationMin, 'min')}, default ${String(protocol.durationMin.default)} min`
                }
                onChange={(duration) => {
                  onChange({ duration });
                }}
                unit={
                  <UnitSelect
                    label="Duration unit"
                    value={inputs.durationUnit}
                    units={['min', 'h'] as const}
                    onChange={(durationUnit) => {
                      onChange({ durationUnit });
                    }}
                  />
                }
              />
              <NativeSelect
                label="Weight basis"
                // Both columns: in one, "Protocol: actual body weight" was cut short.
                style={{ gridColumn: '1 / -1' }}
                value={inputs.weightBasis}
                error={errors.weightBasis}
                description="Ideal and adjusted weights need height and sex"
                data={[
                  {
                    value: '',
                    label: `Protocol: ${inSentence(weightBasisLabels[basisDefault])}`,
                  },
                  ...optionsOf(weightBasisLabels),
                ]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onChange({ weightBasis: value === '' ? '' : (value as WeightBasis) });
                }}
              />
            </SimpleGrid>
          </Fieldset>
        </>
      )}
    </Stack>
  );
}
