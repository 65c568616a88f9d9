import { describe, expect, test } from 'vitest';
import { courseScenarios } from './courses';
import { daylightSavingScenarios } from './daylight-saving';
import { resourceScenarios } from './resources';
import { runScenario } from './scenario-language';
import { sessionScenarios } from './sessions-and-holds';
import { spacingScenarios } from './spacing-and-rescheduling';

const all = [
  ...daylightSavingScenarios,
  ...resourceScenarios,
  ...spacingScenarios,
  ...sessionScenarios,
  ...courseScenarios,
];

describe('scheduling scenarios', () => {
  test.each(all.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const checks = runScenario(scenario.script);
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) {
      expect({
        line: c.line,
        statement: c.statement,
        pass: c.pass,
        detail: c.detail,
      }).toMatchObject({
        pass: true,
      });
    }
  });
});
