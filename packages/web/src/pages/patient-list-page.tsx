import { Button, Checkbox, Group, Modal, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  ACCOUNT_FILTERS,
  HISTORY_FILTERS,
  searchPatients,
  type AccountFilter,
  type HistoryFilter,
  type PatientSearch,
} from '../api/patients-api';
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

/** A filter the address names; anything else (an old link, a typo) is no filter. */
function readHistory(value: string | null): HistoryFilter | undefined {
  return HISTORY_FILTERS.find((filter) => filter === value);
}

function readAccount(value: string | null): AccountFilter | undefined {
  return ACCOUNT_FILTERS.find((filter) => filter === value);
}

function readSearch(params: URLSearchParams): PatientSearch {
  return {
    query: params.get('query') ?? '',
    history: readHistory(params.get('history')),
    account: readAccount(params.get('account')),
    page: readPage(params.get('page')),
    pageSize,
  };
}

/** The address of `search`, leaving out what is the default. */
function toParams(search: PatientSearch): Record<string, string> {
  return {
    ...(search.query === '' ? {} : { query: search.query }),
    ...(search.history === undefined ? {} : { history: search.history }),
    ...(search.account === undefined ? {} : { account: search.account }),
    ...(search.page > 1 ? { page: String(search.page) } : {}),
  };
}

/**
 * A filter's box, which follows a click at once: bound to the address alone, it would show (and
 * announce) its old state until the navigation ends. Back and Forward still move it, through
 * `inAddress`.
 */
function useFilterBox(inAddress: boolean): [boolean, (checked: boolean) => void] {
  const [checked, setChecked] = useState(inAddress);
  const [addressSeen, setAddressSeen] = useState(inAddress);
  if (addressSeen !== inAddress) {
    setAddressSeen(inAddress);
    setChecked(inAddress);
  }
  return [checked, setChecked];
}

/** What the table says when nothing matches, naming the filters on. */
function emptyMessage(search: PatientSearch): string | undefined {
  if (search.history !== undefined && search.account !== undefined)
    return 'No patient matches both filters.';
  if (search.history === 'incomplete') return 'No patient with history to complete matches.';
  if (search.account === 'unconfirmed')
    return 'No online registration with the e-mail not confirmed matches.';
  return undefined;
}

/**
 * Staff's list of patients: search by name or MRN, and find the records whose history lists are
 * still to be taken or whose online registration was never confirmed; paged. The search and the
 * filters live in the address.
 */
export function PatientListPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readSearch(searchParams);
  const [queryText, setQueryText] = useState(search.query);
  const [newPatientOpened, newPatientDialog] = useDisclosure(false);
  const [onlyIncomplete, setOnlyIncomplete] = useFilterBox(search.history === 'incomplete');
  const [onlyUnconfirmed, setOnlyUnconfirmed] = useFilterBox(search.account === 'unconfirmed');
  const empty = emptyMessage(search);

  // From the address as it is when the wait ends, so a filter set meanwhile stays.
  const applyQuery = useDebouncedCallback((query: string) => {
    setSearchParams(
      (current) => toParams({ ...readSearch(current), query: query.trim(), page: 1 }),
      { replace: true },
    );
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
          mb="sm"
          maw={420}
        />
        <Checkbox
          label="Only records with history to complete"
          description="Medical conditions, medicines or allergies not recorded"
          checked={onlyIncomplete}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setOnlyIncomplete(checked);
            const history = checked ? 'incomplete' : undefined;
            setSearchParams(toParams({ ...search, history, page: 1 }));
          }}
          mb="sm"
        />
        <Checkbox
          label="Only online registrations with the e-mail not confirmed"
          description="The patient registered but never opened the confirmation link"
          checked={onlyUnconfirmed}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setOnlyUnconfirmed(checked);
            const account = checked ? 'unconfirmed' : undefined;
            setSearchParams(toParams({ ...search, account, page: 1 }));
          }}
          mb="md"
        />
      </form>
      {patients.isPending ? (
        <PageLoader label="Loading patients" />
      ) : patients.isError ? (
        <QueryErrorAlert error={patients.error} />
      ) : (
        <>
          <PatientsTable
            patients={patients.data.items}
            showRegistered={search.account === 'unconfirmed'}
            {...(empty === undefined ? {} : { emptyMessage: empty })}
          />
          <PaginationBar
            page={patients.data}
            label="Patient list pages"
            onChange={(page) => {
              setSearchParams(toParams({ ...search, page }));
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
