import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { searchPatients, type PatientSearch } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { PaginationBar } from '../components/pagination-bar';
import { QueryErrorAlert } from '../components/query-error-alert';
import { NewPatientForm } from './new-patient-form';
import { PatientsTable } from './patients-table';

const pageSize = 20;

function readPage(value: string | null): number {
  const page = Number(value ?? '1');
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** Staff's list of patients: search by name or MRN, paged; the search lives in the address. */
export function PatientListPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const search: PatientSearch = {
    query: searchParams.get('query') ?? '',
    page: readPage(searchParams.get('page')),
    pageSize,
  };
  const [queryText, setQueryText] = useState(search.query);
  const [newPatientOpened, newPatientDialog] = useDisclosure(false);

  const applyQuery = useDebouncedCallback((query: string) => {
    setSearchParams(query.trim() === '' ? {} : { query: query.trim() }, { replace: true });
  }, 300);

  const patients = useQuery({
    queryKey: queryKeys.patients(search),
    queryFn: () => searchPatients(search),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeading>Patients</PageHeading>
        <Button onClick={newPatientDialog.open}>New patient</Button>
      </Group>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          applyQuery(queryText);
          applyQuery.flush();
        }}
      >
        <TextInput
          label="Search patients"
          description="Name or MRN"
          type="search"
          value={queryText}
          onChange={(event) => {
            setQueryText(event.currentTarget.value);
            applyQuery(event.currentTarget.value);
          }}
          mb="md"
          maw={420}
        />
      </form>
      {patients.isPending ? (
        <PageLoader label="Loading patients" />
      ) : patients.isError ? (
        <QueryErrorAlert error={patients.error} />
      ) : (
        <>
          <PatientsTable patients={patients.data.items} />
          <PaginationBar
            page={patients.data}
            label="Patient list pages"
            onChange={(page) => {
              setSearchParams({
                ...(search.query === '' ? {} : { query: search.query }),
                page: String(page),
              });
            }}
          />
        </>
      )}
      <Modal
        opened={newPatientOpened}
        onClose={newPatientDialog.close}
        title="New patient"
        size="lg"
      >
        <NewPatientForm
          onCancel={newPatientDialog.close}
          onCreated={(patient) => {
            newPatientDialog.close();
            void navigate(`/patients/${encodeURIComponent(patient.id)}`);
          }}
        />
      </Modal>
    </>
  );
}
