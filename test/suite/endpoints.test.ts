/**
 * The endpoints each operation declares (its `endpoints`) are what the node really sends: over
 * the whole `npm test` run, every v3 contract operation n8n called is declared by an operation of
 * the registry (or is one of the few calls outside operations), and every declared v3 endpoint
 * was called at least once.
 */
import path from 'node:path';

import { allOperations } from '../../nodes/ConstantContact/actions/registry';
import { conformance } from './coverage';
import { contractOperations, readRequests, recordFiles } from './read';
import { RECORD_DIR_ENV, recordDir } from './record';

const CONTRACT_FILE = path.resolve(__dirname, '../sandbox/data/v3-contract.json');
// Calls that belong to no operation: the credential test.
const OUTSIDE_OPERATIONS = ['GET /account/summary'];

const declared = new Set(
	allOperations()
		.filter((o) => o.api === 'v3')
		.flatMap((o) => o.definition.endpoints),
);

test('every v3 endpoint n8n called is declared by an operation, and every declared one was called', () => {
	const dir = recordDir();
	if (!dir) throw new Error(`${RECORD_DIR_ENV} is not set: this check reads the record of a whole \`npm test\` run`);
	const { used } = conformance(readRequests(recordFiles(dir)), contractOperations(CONTRACT_FILE));
	const undeclared = [...used.keys()].filter((op) => !declared.has(op) && !OUTSIDE_OPERATIONS.includes(op));
	const neverCalled = [...declared].filter((op) => !used.has(op));
	expect({ undeclared, neverCalled }).toEqual({ undeclared: [], neverCalled: [] });
});
