/** The program name and version the run log records (kept equal to package.json by test/app/version.test.ts). */
export const PROGRAM = { name: 'tym-kustannustenjako', version: '0.1.0' } as const;
