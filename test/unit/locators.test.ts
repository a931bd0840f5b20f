import type { INodeProperties } from 'n8n-workflow';

import {
	locatorId,
	v2CampaignLocator,
	v3CampaignActivityLocator,
	v3CampaignLocator,
} from '../../nodes/ConstantContact/helpers/locators';
import { executeContext, thrown } from './context';

const A = '2a4b1f6e-3c1d-4c8e-9f70-1b2c3d4e5f60';
const V3_HINT = 'Pick the campaign from the list, or paste its ID or its link from the Constant Contact app.';

const read = (locator: INodeProperties, value: unknown, itemIndex = 0) =>
	locatorId.call(executeContext({ [locator.name]: value }), locator, itemIndex);

describe('locatorId: list and id modes', () => {
	test('the value of a list or id pick, checked', () => {
		expect(read(v3CampaignLocator, { mode: 'list', value: A })).toBe(A);
		expect(read(v3CampaignLocator, { mode: 'id', value: ` ${A} ` })).toBe(A);
		expect(read(v2CampaignLocator, { mode: 'id', value: 1100394165290 })).toBe('1100394165290');
	});

	test('a plain value (an expression that returns the id) is taken as an id', () => {
		expect(read(v3CampaignActivityLocator, A)).toBe(A);
		expect(read(v2CampaignLocator, '1100394165290')).toBe('1100394165290');
	});

	test('a wrong id names the locator, with its hint and the item', () => {
		const error = thrown(() => read(v3CampaignLocator, { mode: 'id', value: '1100394165290' }, 2));
		expect(error.message).toBe('"Campaign" is not a valid ID: "1100394165290"');
		expect(error.description).toBe(V3_HINT);
		expect(error.context?.itemIndex).toBe(2);
		expect(thrown(() => read(v3CampaignActivityLocator, { mode: 'list', value: '' })).message).toBe(
			'"Campaign Activity" is empty',
		);
		expect(thrown(() => read(v2CampaignLocator, undefined)).message).toBe('"Campaign" is empty');
	});
});

describe('locatorId: url mode', () => {
	test('the UUID in a v3 app link', () => {
		const link = `https://app.constantcontact.com/pages/campaigns/email-details/details/${A}?tab=1`;
		expect(read(v3CampaignLocator, { mode: 'url', value: `  ${link} ` })).toBe(A);
		expect(
			read(v3CampaignActivityLocator, {
				mode: 'url',
				value: `https://app.constantcontact.com/pages/campaigns/email-details/activity/${A}`,
			}),
		).toBe(A);
	});

	test('the v2 id after campaign= or campaigns/', () => {
		expect(
			read(v2CampaignLocator, {
				mode: 'url',
				value: 'https://ui.constantcontact.com/rnavmap/emcf/email/view?campaign=1100394165290',
			}),
		).toBe('1100394165290');
		expect(
			read(v2CampaignLocator, {
				mode: 'url',
				value: 'https://api.constantcontact.com/v2/emailmarketing/campaigns/1100394165290/schedules',
			}),
		).toBe('1100394165290');
	});

	test('an id is not cut out of a longer run of hex digits', () => {
		const error = thrown(() => read(v3CampaignLocator, { mode: 'url', value: `https://cc.com/${A}ab` }, 1));
		expect(error.message).toBe(
			`"Campaign" is not a Constant Contact link that contains a Campaign ID: "https://cc.com/${A}ab"`,
		);
		expect(error.description).toBe(V3_HINT);
		expect(error.context?.itemIndex).toBe(1);
		expect(() => read(v3CampaignLocator, { mode: 'url', value: `https://x/0${A}` })).toThrow(
			'is not a Constant Contact link',
		);
	});

	test('a link without an id, or no link at all', () => {
		expect(
			thrown(() =>
				read(v2CampaignLocator, { mode: 'url', value: 'https://ui.constantcontact.com/rnavmap/emcf/email/view' }),
			).message,
		).toBe(
			'"Campaign" is not a Constant Contact link that contains a Campaign ID: "https://ui.constantcontact.com/rnavmap/emcf/email/view"',
		);
		expect(
			thrown(() => read(v2CampaignLocator, { mode: 'url', value: 'https://x/?campaign=12345678901234567890' })).message,
		).toBe(
			'"Campaign" is not a Constant Contact link that contains a Campaign ID: "https://x/?campaign=12345678901234567890"',
		);
		expect(thrown(() => read(v3CampaignLocator, { mode: 'url', value: '' })).message).toBe(
			'"Campaign" is not a Constant Contact link that contains a Campaign ID: an empty value',
		);
		expect(thrown(() => read(v3CampaignLocator, { mode: 'url', value: 42 })).message).toBe(
			'"Campaign" is not a Constant Contact link that contains a Campaign ID: 42',
		);
	});

	test('a property that is not one of the locators is refused', () => {
		const other = { ...v3CampaignLocator };
		expect(thrown(() => locatorId.call(executeContext(), other, 0)).message).toBe(
			'"Campaign" is not a resource locator',
		);
	});
});

describe('the locators the editor validates with', () => {
	test('url extraction and validation use the same pattern as locatorId', () => {
		const url = v3CampaignLocator.modes?.find((m) => m.name === 'url');
		const regex = (url?.extractValue as { regex: string }).regex;
		expect(new RegExp(regex).exec(`https://app.constantcontact.com/x/${A}`)?.[1]).toBe(A);
		const id = v2CampaignLocator.modes?.find((m) => m.name === 'id');
		const validation = (id?.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex;
		expect(new RegExp(validation).test('1100394165290')).toBe(true);
		expect(new RegExp(validation).test(A)).toBe(false);
	});
});
