import { readFileSync } from 'node:fs';
import { applyClinicSettings, knowledgeBase, type KnowledgeBase } from '@ketaflow/core';

/** The knowledge base as this clinic runs it: defaults plus the clinic's validated settings. */
export interface ClinicKnowledge {
  readonly kb: KnowledgeBase;
  readonly clinicName: string;
  readonly version: string;
}

/** A settings file that cannot be used; the message names every bad path. */
export class SettingsError extends Error {}

const DEFAULT_CLINIC_NAME = 'KetaFlow Demo Clinic';

/**
 * Loads the built-in knowledge base and applies the clinic settings file, if any. A file that does
 * not parse or breaks a rule stops the server with one line per bad path.
 */
export function loadClinicKnowledge(settingsFile?: string): ClinicKnowledge {
  let kb = knowledgeBase;
  if (settingsFile) {
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(settingsFile, 'utf8'));
    } catch (error) {
      throw new SettingsError(
        `Clinic settings file ${settingsFile} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    const applied = applyClinicSettings(knowledgeBase, input);
    if (!applied.ok) {
      const lines = applied.error.map((p) => `  ${p.path ?? '(file)'}: ${p.message}`);
      throw new SettingsError(
        `Clinic settings file ${settingsFile} has ${applied.error.length} problem(s):\n${lines.join('\n')}`,
      );
    }
    kb = applied.value;
  }
  return { kb, clinicName: kb.clinic.name ?? DEFAULT_CLINIC_NAME, version: kb.knowledgeVersion };
}
