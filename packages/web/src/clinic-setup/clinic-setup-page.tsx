import { Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useLocations } from '../schedule/use-scheduling';
import { ChairsPanel } from './chairs-panel';
import { ClosuresPanel } from './closures-panel';
import { HoursForm } from './hours-form';
import { LocationForm } from './location-form';

const NEW = 'new';

/** `/admin/clinic`: locations with time zone, opening hours, closures and chairs. */
export function ClinicSetupPage() {
  const locations = useLocations();
  const [selected, setSelected] = useState<string | null>(null);
  if (locations.isPending) return <PageLoader label="Loading locations" />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  const location =
    locations.data.find((l) => l.id === selected) ??
    (selected === NEW ? undefined : locations.data[0]);
  return (
    <>
      <PageHeading>Clinic set-up</PageHeading>
      <Stack gap="md">
        <Select
          label="Location"
          w={280}
          data={[
            ...locations.data.map((l) => ({ value: l.id, label: `${l.name} (${l.timeZone})` })),
            { value: NEW, label: 'Add a location…' },
          ]}
          value={location?.id ?? NEW}
          allowDeselect={false}
          onChange={setSelected}
        />
        {location === undefined ? (
          <Paper withBorder p="md">
            <Title order={2} size="h3" mb="sm">
              New location
            </Title>
            <LocationForm
              onCreated={(l) => {
                setSelected(l.id);
              }}
            />
          </Paper>
        ) : (
          <Paper withBorder p="md" key={location.id}>
            <Tabs defaultValue="details" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="details">Details</Tabs.Tab>
                <Tabs.Tab value="hours">Opening hours</Tabs.Tab>
                <Tabs.Tab value="closures">Closures</Tabs.Tab>
                <Tabs.Tab value="chairs">Chairs</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="details" pt="md">
                <Text size="sm" c="dimmed" mb="sm">
                  Code {location.code}. Hours and appointments are in the location&apos;s time zone.
                </Text>
                <LocationForm key={`${location.name}-${location.timeZone}`} location={location} />
              </Tabs.Panel>
              <Tabs.Panel value="hours" pt="md">
                <HoursForm key={JSON.stringify(location.hours)} location={location} />
              </Tabs.Panel>
              <Tabs.Panel value="closures" pt="md">
                <ClosuresPanel location={location} />
              </Tabs.Panel>
              <Tabs.Panel value="chairs" pt="md">
                <ChairsPanel location={location} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        )}
      </Stack>
    </>
  );
}
