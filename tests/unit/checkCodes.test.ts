import { describe, expect, test } from 'vitest';
import { checkPosition, decodeChecks, encodeChecks } from '../../src/db/checkCodes';
import type { Finding } from '../../src/parse/types';

const f = (check: string, status: Finding['status'], severity: Finding['severity']): Finding => ({ check, status, severity, evidence: '', keys: [] });

describe('reports.checks: one character per check', () => {
  test('pass, na, fail by severity, and not applicable', () => {
    const code = encodeChecks([f('C01', 'pass', 'warning'), f('C04', 'fail', 'error'), f('C09', 'fail', 'warning'), f('C21', 'fail', 'info'), f('C28', 'na', 'warning')]);
    expect(code).toBe('p..E....W...........I......n');
    expect(code).toHaveLength(28);
  });

  test('decoding gives back status and severity per check id', () => {
    const back = decodeChecks('p..E....W...........I......n');
    expect(back[0]).toEqual({ check: 'C01', status: 'pass', severity: null });
    expect(back[3]).toEqual({ check: 'C04', status: 'fail', severity: 'error' });
    expect(back[20]).toEqual({ check: 'C21', status: 'fail', severity: 'info' });
    expect(back[27]).toEqual({ check: 'C28', status: 'na', severity: null });
    expect(back[1].status).toBeNull();
    expect(checkPosition('C12')).toBe(12);
  });
});
