import fs from 'node:fs';

import { savedNames, STORED } from './saved-names';

// Saved workflows and credentials hold these names and values: a change may add to them, never
// rename or remove one. After a deliberate addition: npx tsx test/interface/saved-names.ts --write
test('every saved name of the stored copy is still in the built package', () => {
	const stored = JSON.parse(fs.readFileSync(STORED, 'utf8')) as string[];
	const current = new Set(savedNames());
	expect(stored.filter((name) => !current.has(name))).toEqual([]);
});
