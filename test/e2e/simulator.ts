// One local provider simulator per spec file (or per describe block), started before its tests
// and closed after them. Its faults and timing are the test's to set; serving libraries come
// and go per test while the simulator, and its record of what it received, stays.
import { startKlingSimulator, type KlingSimulator, type KlingSimulatorOptions } from '../../main/providers/simulator/index.js';
import { test } from './fixtures.js';

/** Starts the simulator before the block's tests; call the returned function inside a test. */
export function useSimulator(options: KlingSimulatorOptions): () => KlingSimulator {
  let sim: KlingSimulator | undefined;
  test.beforeAll(async () => {
    sim = await startKlingSimulator({ accountCostsIntervalMs: 0, ...options });
  });
  test.afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('the simulator is only running inside the tests of the block that uses it');
    return sim;
  };
}
