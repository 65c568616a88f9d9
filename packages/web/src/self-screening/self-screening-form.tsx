import {
  Button,
  Checkbox,
  Divider,
  Fieldset,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { SelfScreeningQuestions } from '../api/screening-types';
import { FormErrorAlert } from '../components/form-error-alert';
import {
  breastfeedingChoices,
  canBePregnant,
  conditionsAnswerChoices,
  conditionsQuestionHint,
  pregnancyChoices,
  productChoices,
  sexChoices,
  tickConditions,
  type SelfScreeningChoice,
  type SelfScreeningValues,
} from '@ketaflow/core';
import { MedicationInput } from './medication-input';

interface SelfScreeningFormProps {
  form: UseFormReturnType<SelfScreeningValues>;
  questions: SelfScreeningQuestions;
  onSubmit: (values: SelfScreeningValues) => void;
  submitting: boolean;
  formError: string | null;
}

function Choices<V extends string>({ options }: { options: readonly SelfScreeningChoice<V>[] }) {
  return (
    <Stack gap="xs" mt="xs">
      {options.map((option) => (
        <Radio key={option.value} value={option.value} label={option.label} size="md" />
      ))}
    </Stack>
  );
}

/** The questionnaire: one column of large controls, so it reads and taps well on a phone. */
export function SelfScreeningForm(props: SelfScreeningFormProps) {
  const { form, questions, onSubmit, submitting, formError } = props;
  const asksPregnancy = form.values.sex !== '' && canBePregnant(form.values.sex);

  return (
    <form noValidate onSubmit={form.onSubmit(onSubmit)}>
      <Stack gap="lg">
        <FormErrorAlert message={formError} title="Your answers could not be checked" />
        <NativeSelect
          label="What would you like treatment for?"
          required
          size="md"
          data={[
            { value: '', label: 'Choose one' },
            ...questions.indications.map((i) => ({ value: i.id, label: i.displayName })),
          ]}
          {...form.getInputProps('indication')}
        />
        <Radio.Group
          label="Which treatment are you asking about?"
          {...form.getInputProps('product')}
        >
          <Choices options={productChoices} />
        </Radio.Group>
        <NumberInput
          label="Your age"
          description="In years"
          required
          size="md"
          min={1}
          max={120}
          allowDecimal={false}
          allowNegative={false}
          inputMode="numeric"
          maw={200}
          {...form.getInputProps('age')}
        />
        <Radio.Group size="md" label="Sex" required {...form.getInputProps('sex')}>
          <Choices options={sexChoices} />
        </Radio.Group>
        {asksPregnancy && (
          <>
            <Radio.Group
              size="md"
              label="Are you pregnant, or could you be?"
              {...form.getInputProps('pregnancy')}
            >
              <Choices options={pregnancyChoices} />
            </Radio.Group>
            <Radio.Group
              size="md"
              label="Are you breastfeeding?"
              {...form.getInputProps('breastfeeding')}
            >
              <Choices options={breastfeedingChoices} />
            </Radio.Group>
          </>
        )}
        <Checkbox.Group
          size="md"
          label="Has a doctor ever told you that you have any of these?"
          description={conditionsQuestionHint}
          required
          {...form.getInputProps('conditions')}
          onChange={(ticked) => {
            form.setFieldValue('conditions', tickConditions(form.values.conditions, ticked));
          }}
        >
          <Stack gap="xs" mt="xs">
            {questions.conditions.map((condition) => (
              <Checkbox
                key={condition.code}
                value={condition.code}
                label={condition.label}
                size="md"
              />
            ))}
            <Divider label="or" labelPosition="left" />
            {conditionsAnswerChoices.map((choice) => (
              <Checkbox key={choice.value} value={choice.value} label={choice.label} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
        <TagsInput
          label="Other health conditions"
          description="Optional. Type each one and press Enter."
          splitChars={[]}
          size="md"
          {...form.getInputProps('otherConditions')}
        />
        <MedicationInput
          value={form.values.medications}
          onChange={(medications) => {
            form.setFieldValue('medications', medications);
          }}
          error={typeof form.errors.medications === 'string' ? form.errors.medications : undefined}
        />
        <Fieldset legend="Your blood pressure, if you know it">
          <Text size="sm" c="dimmed" mb="sm">
            Optional. A reading from the last month, for example from a pharmacy or a home monitor.
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label="Top number (systolic)"
              size="md"
              allowDecimal={false}
              allowNegative={false}
              inputMode="numeric"
              suffix=" mmHg"
              {...form.getInputProps('systolic')}
            />
            <NumberInput
              label="Bottom number (diastolic)"
              size="md"
              allowDecimal={false}
              allowNegative={false}
              inputMode="numeric"
              suffix=" mmHg"
              {...form.getInputProps('diastolic')}
            />
          </SimpleGrid>
        </Fieldset>
        <Button type="submit" size="md" loading={submitting}>
          See my answer
        </Button>
      </Stack>
    </form>
  );
}
