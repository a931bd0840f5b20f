import { randomUUID } from 'crypto';

import type { World } from './world';

/**
 * Test setup: a new contact list of `size` new contacts, written straight into the sandbox (as
 * if imported in the app). Returns the list's v3 and v2 ids.
 */
export function addAudience(world: World, size: number, name = `Audience ${randomUUID().slice(0, 8)}`) {
	const st = world.sandbox.state;
	const now = new Date(world.sandbox.clock.now()).toISOString();
	const list = {
		list_id: randomUUID(),
		v2Id: String(st.v2.nextListId++),
		name,
		description: '',
		favorite: false,
		status: 'ACTIVE' as const,
		opt_in_default: false,
		created_at: now,
		updated_at: now,
	};
	st.v2.lists.set(list.v2Id, list);
	st.v3.lists.set(list.list_id, list);
	for (let n = 1; n <= size; n++) {
		const contact_id = randomUUID();
		st.contacts.set(contact_id, {
			contact_id,
			v2Id: String(st.v2.nextContactId++),
			email: `reader${n}.${list.v2Id}@example.com`,
			first_name: `Reader${n}`,
			last_name: `List${list.v2Id}`,
			listIds: new Set([list.list_id]),
			created_at: now,
			updated_at: now,
		});
	}
	return { v3ListId: list.list_id, v2ListId: list.v2Id };
}

export const DAY = 86400000;

/** A raw v3 request (what the API itself says), waiting out the sandbox's 4/s limit. */
export async function callV3(world: World, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
	const headers: Record<string, string> = {
		Authorization: `Bearer ${world.sandbox.issueTokens().access_token}`,
		Accept: 'application/json',
	};
	if (init.body !== undefined) headers['Content-Type'] = 'application/json';
	const request = () =>
		fetch(`${world.sandbox.v3BaseUrl}${path}`, {
			method: init.method ?? 'GET',
			headers,
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
		});
	let response = await request();
	for (let tries = 0; response.status === 429 && tries < 10; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 300));
		response = await request();
	}
	return response;
}
