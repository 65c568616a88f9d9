import { Button, Group, NativeSelect } from '@mantine/core';
import { SCREENING_PRODUCTS, type IndicationId, type ScreeningProduct } from '@ketaflow/core';
import { productLabels } from './labels';

export interface ScreeningQuestion {
  indication: IndicationId;
  product: ScreeningProduct;
}

interface ScreenNowFormProps {
  indications: readonly { id: IndicationId; displayName: string }[];
  question: ScreeningQuestion;
  onChange: (question: ScreeningQuestion) => void;
  /** Absent for those who may not screen (administrators read only). */
  onScreen?: (() => void) | undefined;
  screening: boolean;
}

/** Which question the page is about (indication and product), and running it on the record now. */
export function ScreenNowForm({
  indications,
  question,
  onChange,
  onScreen,
  screening,
}: ScreenNowFormProps) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label="Indication"
        data={indications.map((i) => ({ value: i.id, label: i.displayName }))}
        value={question.indication}
        onChange={(event) => {
          const id = indications.find((i) => i.id === event.currentTarget.value)?.id;
          if (id !== undefined) onChange({ ...question, indication: id });
        }}
      />
      <NativeSelect
        label="Product"
        data={SCREENING_PRODUCTS.map((p) => ({ value: p, label: productLabels[p] }))}
        value={question.product}
        onChange={(event) => {
          const product = SCREENING_PRODUCTS.find((p) => p === event.currentTarget.value);
          if (product !== undefined) onChange({ ...question, product });
        }}
      />
      {onScreen !== undefined && (
        <Button onClick={onScreen} loading={screening}>
          Screen now
        </Button>
      )}
    </Group>
  );
}
