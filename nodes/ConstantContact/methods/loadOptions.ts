import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

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
