import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INDICATION_IDS } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadClinicKnowledge, SettingsError } from '../src/knowledge';
import { createTestApp, type TestApp } from './harness';

const run = promisify(execFile);
const repoRoot = new URL('../../../', import.meta.url).pathname;
const cli = join(repoRoot, 'packages/server/bin/ketaflow.js');

function settingsFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kf-settings-')), 'settings.json');
  writeFileSync(file, content);
  return file;
}

describe('clinic settings file', () => {
  test('applies a valid file: its values, its own version, and the overrides listed', () => {
    const file = settingsFile(
      JSON.stringify({ clinicName: 'Harbour Clinic', bloodPressure: { softSystolicMmHg: 135 } }),
    );
    const knowledge = loadClinicKnowledge(file);
    const base = loadClinicKnowledge();
    expect(knowledge.clinicName).toBe('Harbour Clinic');
    expect(knowledge.version).not.toBe(base.version);
    expect(knowledge.kb.overrides.map((o) => o.path)).toContain('bloodPressure.softSystolicMmHg');
  });

  test('a bad file names every bad path in one error', () => {
    const file = settingsFile(
      JSON.stringify({
        protocols: { depression: { defaultDoseMgPerKg: 0.9 } },
        bloodPressure: { hardSystolicMmHg: 'high' },
        colour: 'teal',
      }),
    );
    let message = '';
    try {
      loadClinicKnowledge(file);
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/protocols\.depression\.defaultDoseMgPerKg/);
    expect(message).toMatch(/bloodPressure\.hardSystolicMmHg/);
    expect(message).toMatch(/colour/);
  });

  test('a file that is not JSON is refused with its name', () => {
    const file = settingsFile('{ clinicName: ');
    expect(() => loadClinicKnowledge(file)).toThrow(/could not be read as JSON/);
  });

  test('the server refuses to start on a bad file, printing each bad path', async () => {
    const file = settingsFile(
      JSON.stringify({ guardrails: { depression: { weightKg: { hard: { max: 400 } } } } }),
    );
    const failure = await run('node', [cli, 'serve'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        KETAFLOW_SETTINGS: file,
        PORT: '0',
        LOG_LEVEL: 'silent',
        KETAFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'kf-data-')),
      },
    }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/guardrails\.depression\.weightKg\.hard\.max/);
  });
});

describe('knowledge over HTTP and the CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false });
  });
  afterAll(async () => {
    await t.close();
  });

  test('GET /api/knowledge/indications lists the ten indications with protocols and the version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/knowledge/indications' });
    const body = response.json<{
      knowledgeVersion: string;
      items: { id: string; protocol: { doseMgPerKg: { default: number } } }[];
    }>();
    expect(body.items.map((i) => i.id).sort()).toEqual([...INDICATION_IDS].sort());
    expect(body.knowledgeVersion).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(body.items.find((i) => i.id === 'depression')?.protocol.doseMgPerKg.default).toBe(0.5);
  });

  test('GET /api/knowledge returns the whole base with the same version as /api/meta', async () => {
    const kb = (await t.app.inject({ method: 'GET', url: '/api/knowledge' })).json<{
      knowledgeVersion: string;
      sources: unknown[];
    }>();
    const meta = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json<{
      knowledgeVersion: string;
      timeZone: string | null;
    }>();
    expect(kb.knowledgeVersion).toBe(meta.knowledgeVersion);
    // No demo clinic here: the time zone is unknown until a clinic is set up.
    expect(meta.timeZone).toBeNull();
    await t.database.query(
      `insert into clinics (name, time_zone) values ('Harbour Clinic', 'Europe/London')`,
    );
    const after = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json<{
      timeZone: string | null;
    }>();
    expect(after.timeZone).toBe('Europe/London');
    expect(kb.sources.length).toBeGreaterThan(50);
  });

  test('ketaflow indications --json and products --json print the knowledge base', async () => {
    const indications = JSON.parse(
      (await run('node', [cli, 'indications', '--json'], { cwd: repoRoot })).stdout,
    ) as {
      items: { id: string }[];
    };
    expect(indications.items).toHaveLength(10);
    const products = JSON.parse(
      (await run('node', [cli, 'products', '--json'], { cwd: repoRoot })).stdout,
    ) as {
      items: { strength: { value: number; unit: string } }[];
    };
    expect(products.items.map((p) => `${p.strength.value} ${p.strength.unit}`).sort()).toEqual([
      '10 mg/mL',
      '100 mg/mL',
      '28 mg/device',
      '50 mg/mL',
    ]);
  });
});
