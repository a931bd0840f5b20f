import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { apiOf } from '../helpers/description';
import { credentialRequestsPerSecond } from '../transport';
import { asNodeError } from '../transport/errors';
import type { Operation } from '../helpers/types';
import { resources } from './operations';

// Items run a few at a time so requests overlap while they wait on the network; the
// rate limiter in transport/ keeps them under the API's limit. When the credential turns pacing
// off (Requests per Second 0), nothing else holds requests back, so more run at once: as n8n's
// HTTP Request node does, with a bound so a large input does not open a socket per item.
const CONCURRENT_ITEMS = 5;
const CONCURRENT_ITEMS_UNPACED = 100;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const api = apiOf(this.getNodeParameter('authentication', 0, 'oAuth2') as string);
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation: Operation | undefined = resources[api][resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The ${api} API has no operation "${operationName}" on "${resource}"`,
		);
	}

	const runItem = async (i: number): Promise<INodeExecutionData[]> => {
		try {
			const result = await operation.execute.call(this, i);
			return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
				itemData: { item: i },
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
			const json: IDataObject = { error: error.message };
			if (error.description) json.description = error.description;
			if (error.httpCode) json.httpCode = error.httpCode;
			return [{ json, pairedItem: { item: i } }];
		}
	};

	const unpaced = (await credentialRequestsPerSecond.call(this, api)) === 0;
	const outputs = await runInOrder(items.length, unpaced ? CONCURRENT_ITEMS_UNPACED : CONCURRENT_ITEMS, runItem);
	return [outputs.flat()];
}

/**
 * Runs `task` for indexes 0..count-1, at most `concurrency` at once, starting them in order and
 * returning results in order. After a failure no new task starts; running ones are awaited,
 * then the first failure (by index) is thrown.
 */
async function runInOrder<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
	const results: T[] = new Array(count);
	const failures: Array<{ index: number; error: unknown }> = [];
	let next = 0;
	const worker = async () => {
		while (next < count && failures.length === 0) {
			const i = next++;
			try {
				results[i] = await task(i);
			} catch (error) {
				failures.push({ index: i, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	if (failures.length) throw failures.sort((a, b) => a.index - b.index)[0].error;
	return results;
}

