import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_FIELDS_PAGE_SIZE_MAX, SEGMENTS_PAGE_SIZE_MAX, TAGS_PAGE_SIZE_MAX } from '../helpers/limits';
import { apiRequest, apiRequestAllItems } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getContactLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await apiRequestAllItems.call(this, 'v3', '/contact_lists', { itemsKey: 'lists' });
	return lists.map((l) => ({ name: String(l.name), value: String(l.list_id) })).sort(byName);
}

export async function getV2ContactLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = (await apiRequest.call(this, 'v2', 'GET', '/lists')) as IDataObject[];
	return (Array.isArray(lists) ? lists : []).map((l) => ({ name: String(l.name), value: String(l.id) })).sort(byName);
}

/** The account's custom fields (at most 100): label, with its unique name and type as description. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await apiRequestAllItems.call(this, 'v3', '/contact_custom_fields', {
		itemsKey: 'custom_fields',
		pageSize: CUSTOM_FIELDS_PAGE_SIZE_MAX,
	});
	return fields
		.map((f) => ({
			name: String(f.label ?? f.name),
			value: String(f.custom_field_id),
			// e.g. "Favorite_Fruit (string)": the unique name expressions and imports use, and the type.
			description: f.type ? `${String(f.name)} (${String(f.type)})` : String(f.name),
		}))
		.sort(byName);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tags = await apiRequestAllItems.call(this, 'v3', '/contact_tags', {
		itemsKey: 'tags',
		pageSize: TAGS_PAGE_SIZE_MAX,
	});
	return tags.map((t) => ({ name: String(t.name), value: String(t.tag_id) })).sort(byName);
}

/** The account's segments (deleted ones are not listed), by name; the value is the numeric segment_id. */
export async function getSegments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const segments = await apiRequestAllItems.call(this, 'v3', '/segments', {
		qs: { sort_by: 'name' },
		itemsKey: 'segments',
		pageSize: SEGMENTS_PAGE_SIZE_MAX,
	});
	return segments.map((s) => ({ name: String(s.name), value: String(s.segment_id) })).sort(byName);
}
