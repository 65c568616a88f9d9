import { Stack } from '@mantine/core';
import type { Patient } from '../api/patient-types';
import { AddAllergyForm } from './add-allergy-form';
import { AddConditionForm } from './add-condition-form';
import { AddMeasurementForm } from './add-measurement-form';
import { AddMedicationForm } from './add-medication-form';
import { AllergiesTable } from './allergies-table';
import { ChangeMedicationStatus } from './change-medication-status';
import { ConditionsTable } from './conditions-table';
import { DemographicsForm } from './demographics-form';
import { DemographicsView } from './demographics-view';
import { HeightsTable } from './heights-table';
import { HistoryListStatusLine } from './history-list-status';
import { MedicationsTable } from './medications-table';
import { OnlineAccountNotice } from './online-account-notice';
import { RecordSection } from './record-section';
import {
  BloodPressuresTable,
  IntakesList,
  ReproductiveStatusesTable,
} from './screening-facts-tables';
import { WeightsTable } from './weights-table';

interface PatientRecordSectionsProps {
  patient: Patient;
  /** Staff edit the record; a patient reads their own. */
  editable: boolean;
}

/** The sections of one patient's record, read-only or with the forms staff use to add to it. */
export function PatientRecordSections({ patient, editable }: PatientRecordSectionsProps) {
  const id = patient.id;
  return (
    <Stack gap="lg">
      <RecordSection id="demographics" title="Demographics">
        {editable && <OnlineAccountNotice patient={patient} />}
        {editable ? (
          <DemographicsForm key={patient.updatedAt} patient={patient} />
        ) : (
          <DemographicsView patient={patient} />
        )}
      </RecordSection>
      <RecordSection id="weights" title="Weights">
        <WeightsTable weights={patient.weights} />
        {editable && <AddMeasurementForm patientId={id} kind="weight" />}
      </RecordSection>
      <RecordSection id="heights" title="Heights">
        <HeightsTable heights={patient.heights} />
        {editable && <AddMeasurementForm patientId={id} kind="height" />}
      </RecordSection>
      <RecordSection id="allergies" title="Allergies">
        <HistoryListStatusLine
          patientId={id}
          list="allergies"
          status={patient.historyLists.allergies}
          editable={editable}
        />
        <AllergiesTable allergies={patient.allergies} />
        {editable && <AddAllergyForm patientId={id} />}
      </RecordSection>
      <RecordSection id="conditions" title="Conditions">
        <HistoryListStatusLine
          patientId={id}
          list="conditions"
          status={patient.historyLists.conditions}
          editable={editable}
        />
        <ConditionsTable conditions={patient.conditions} />
        {editable && <AddConditionForm patientId={id} />}
      </RecordSection>
      <RecordSection id="medications" title="Medications">
        <HistoryListStatusLine
          patientId={id}
          list="medications"
          status={patient.historyLists.medications}
          editable={editable}
        />
        <MedicationsTable
          medications={patient.medications}
          {...(editable
            ? {
                renderAction: (medication) => (
                  <ChangeMedicationStatus patientId={id} medication={medication} />
                ),
              }
            : {})}
        />
        {editable && <AddMedicationForm patientId={id} />}
      </RecordSection>
      <RecordSection id="blood-pressures" title="Blood pressures">
        <BloodPressuresTable entries={patient.bloodPressures} />
      </RecordSection>
      <RecordSection id="reproductive" title="Pregnancy and breastfeeding">
        <ReproductiveStatusesTable entries={patient.reproductiveStatuses} />
      </RecordSection>
      <RecordSection id="intakes" title="Self-screening answers">
        <IntakesList intakes={patient.intakes} />
      </RecordSection>
    </Stack>
  );
}
