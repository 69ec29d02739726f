/** Plan files as text: what is written reads back the same; what is wrong says where. */
import { describe, expect, it } from 'vitest';
import { planFileText, readPlanFileText } from '../../shared/plan/plan-file-text';
import { PLAN_FORMAT } from '../../shared/plan/schema';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { careerPlan, pathwayPlan } from '../e2e/fixtures/report-plans';

const pack = loadDataPack();

describe('plan file text', () => {
  it('round-trips: planFileText → readPlanFileText gives the same plans', () => {
    const plans = [pathwayPlan(), careerPlan()];
    const text = planFileText(plans);
    expect(text.endsWith('}\n')).toBe(true);
    expect(readPlanFileText(text, pack)).toEqual({ ok: true, value: { format: PLAN_FORMAT, version: 1, plans } });
  });

  it('reads a file with a byte-order mark and Windows line ends', () => {
    const text = `\uFEFF${planFileText([pathwayPlan()]).replace(/\n/g, '\r\n')}`;
    expect(readPlanFileText(text, pack).ok).toBe(true);
  });

  it('refuses a file naming one plan twice, ignoring case and spaces', () => {
    const text = planFileText([pathwayPlan(), { ...careerPlan(), name: 'TEXAS MA WITH CERTIFICATE' }]);
    expect(readPlanFileText(text, pack)).toEqual({
      ok: false,
      problems: [
        {
          path: '$.plans[1].name',
          message: '"TEXAS MA WITH CERTIFICATE" is also the name of $.plans[0]; each plan in a file needs its own name',
        },
      ],
    });
  });

  it('gives line and column for a syntax error', () => {
    const result = readPlanFileText('{\n  "format": "pathway-planner/plan",\n  "version": 1\n  "plans": []\n}', pack);
    expect(result).toMatchObject({ ok: false, problems: [{ path: '$.version', line: 4, column: 3 }] });
  });
});
