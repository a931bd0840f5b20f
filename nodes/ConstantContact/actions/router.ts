import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
	type NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { apiOf } from '../helpers/description';
import { type ApiVersion, type BatchOutcome, BinaryOutput, type ItemOperation } from '../helpers/types';
import { credentialRequestsPerSecond } from '../transport';
import { asNodeError } from '../transport/errors';
import { findOperation } from './registry';

// Items run a few at a time so requests overlap while they wait on the network; the
// rate limiter in transport/ keeps them under the API's limit. When the credential turns pacing
// off (Requests per Second 0), nothing else holds requests back, so more run at once: as n8n's
// HTTP Request node does, with a bound so a large input does not open a socket per item.
const CONCURRENT_ITEMS = 5;
const CONCURRENT_ITEMS_UNPACED = 100;

/**
 * Runs the selected operation over the input items, in either form, and owns what both share:
 * every output item is paired with the input items it came from, in input order, and a failure
 * either stops the run (naming its item) or, with Continue On Fail, becomes an error item paired
 * with each item it concerns.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const itemIndexes = this.getInputData().map((_, itemIndex) => itemIndex);
	const api = apiOf(this.getNodeParameter('authentication', 0, 'oAuth2') as string);
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(api, resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The ${api} API has no operation "${operationName}" on "${resource}"`);
	}
	const outcomes = operation.executeBatch
		? await operation.executeBatch.call(this, itemIndexes)
		: await eachItem.call(this, api, operation, itemIndexes);
	return [outputOf.call(this, outcomes, itemIndexes)];
}

async function eachItem(
	this: IExecuteFunctions,
	api: ApiVersion,
	operation: ItemOperation,
	itemIndexes: number[],
): Promise<BatchOutcome[]> {
	const unpaced = (await credentialRequestsPerSecond.call(this, api)) === 0;
	// Without Continue On Fail the run fails at the first error: start no item after it.
	const stopAtFailure = !this.continueOnFail();
	return await runInOrder(
		itemIndexes,
		unpaced ? CONCURRENT_ITEMS_UNPACED : CONCURRENT_ITEMS,
		stopAtFailure,
		async (itemIndex) => {
			try {
				const output = await operation.execute.call(this, itemIndex);
				if (output instanceof BinaryOutput)
					return { itemIndexes: [itemIndex], json: output.json, binary: output.binary };
				return { itemIndexes: [itemIndex], json: output };
			} catch (error) {
				return { itemIndexes: [itemIndex], error: error as Error };
			}
		},
	);
}

function outputOf(this: IExecuteFunctions, outcomes: BatchOutcome[], itemIndexes: number[]): INodeExecutionData[] {
	const answered = new Set(outcomes.flatMap((outcome) => outcome.itemIndexes));
	const failures = outcomes.filter((outcome): outcome is Extract<BatchOutcome, { error: Error }> => 'error' in outcome);
	if (failures.length && !this.continueOnFail()) {
		const first = failures.sort((a, b) => Math.min(...a.itemIndexes) - Math.min(...b.itemIndexes))[0];
		throw withDoneItems(asNodeError(this.getNode(), first.error, Math.min(...first.itemIndexes)), outcomes);
	}
	const unanswered = itemIndexes.filter((itemIndex) => !answered.has(itemIndex));
	if (unanswered.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Items ${unanswered.join(', ')} got no result: please report this as a bug`,
		);
	}
	const ordered = [...outcomes].sort((a, b) => Math.min(...a.itemIndexes) - Math.min(...b.itemIndexes));
	return ordered.flatMap((outcome) => {
		if ('error' in outcome) return outcome.itemIndexes.map((itemIndex) => errorItem(outcome.error, itemIndex));
		const pairedItem: IPairedItemData | IPairedItemData[] =
			outcome.itemIndexes.length === 1
				? { item: outcome.itemIndexes[0] }
				: outcome.itemIndexes.map((item) => ({ item }));
		const binary = outcome.binary ? { binary: outcome.binary } : {};
		return this.helpers.returnJsonArray(outcome.json).map((item) => ({ ...item, ...binary, pairedItem }));
	});
}

// Items run side by side, so when one fails others may already be done (a campaign created, an
// activity scheduled). The failed run outputs nothing, so its error names them: a re-run would
// repeat them.
const DONE_ITEMS_SHOWN = 50;

function withDoneItems<E extends NodeApiError | NodeOperationError>(error: E, outcomes: BatchOutcome[]): E {
	const done = outcomes
		.filter((outcome): outcome is Extract<BatchOutcome, { json: unknown }> => 'json' in outcome)
		.flatMap((outcome) => outcome.itemIndexes.map((item) => ({ item, ids: idsOf(outcome.json) })))
		.sort((a, b) => a.item - b.item);
	if (done.length === 0) return error;
	const shown = done.slice(0, DONE_ITEMS_SHOWN).map(({ item, ids }) => (ids ? `${item} (${ids})` : `${item}`));
	const more = done.length > DONE_ITEMS_SHOWN ? ` and ${done.length - DONE_ITEMS_SHOWN} more` : '';
	const said =
		`Before the run stopped, ${done.length === 1 ? 'item' : 'items'} ${shown.join(', ')}${more} had been ` +
		'done; they are not undone. Remove them from the input before running again, or turn on Continue On Fail.';
	error.description = error.description ? `${error.description} ${said}` : said;
	error.context.doneItems = done;
	return error;
}

/** An output's ids (keys ending in `_id`), e.g. 'campaign_activity_id "2a4b…"'. */
function idsOf(json: IDataObject | IDataObject[]): string {
	const first = Array.isArray(json) ? json[0] : json;
	return Object.entries(first ?? {})
		.filter(([key, value]) => key.endsWith('_id') && (typeof value === 'string' || typeof value === 'number'))
		.map(([key, value]) => `${key} "${String(value)}"`)
		.join(', ');
}

function errorItem(
	error: Error & { description?: unknown; httpCode?: unknown },
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description as string;
	if (error.httpCode) json.httpCode = error.httpCode as string;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs `task` for each index, at most `concurrency` at once, starting them in order and returning
 * the results in order. With `stopAtFailure`, no task starts after one returned an error (the
 * running ones finish).
 */
async function runInOrder(
	itemIndexes: number[],
	concurrency: number,
	stopAtFailure: boolean,
	task: (itemIndex: number) => Promise<BatchOutcome>,
): Promise<BatchOutcome[]> {
	const outcomes: BatchOutcome[] = [];
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < itemIndexes.length && !(stopAtFailure && failed)) {
			const outcome = await task(itemIndexes[next++]);
			if ('error' in outcome) failed = true;
			outcomes.push(outcome);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, itemIndexes.length) }, worker));
	return outcomes;
}
