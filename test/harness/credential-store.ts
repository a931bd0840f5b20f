/** In-memory stand-in for n8n's credentials table (plaintext: nothing is encrypted in tests). */
export interface CredentialData {
	[key: string]: unknown;
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: CredentialData;
}

export interface CredentialUpdate {
	id: string;
	type: string;
	/** 'full': updateCredentials (preAuthentication); 'oauthTokenData': OAuth2 token refresh. */
	kind: 'full' | 'oauthTokenData';
	data: CredentialData;
	at: Date;
}

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

export class CredentialStore {
	private readonly byId = new Map<string, StoredCredential>();

	/** Every write the engine made through the credentials helper, oldest first. */
	readonly updates: CredentialUpdate[] = [];

	/** Credentials as first added (before any run changed them). */
	private readonly initial: StoredCredential[] = [];

	add(credential: StoredCredential) {
		this.initial.push({ ...credential, data: clone(credential.data) });
		this.byId.set(credential.id, { ...credential, data: clone(credential.data) });
		return this;
	}

	/** The stored credential with this id and type (type checked as n8n's findOneByOrFail({ id, type })). */
	find(id: string | null | undefined, type: string): StoredCredential | undefined {
		if (id) {
			const found = this.byId.get(id);
			return found && found.type === type ? found : undefined;
		}
		return undefined;
	}

	/** Copy of the current data of the (first) credential of this type. */
	get(type: string): CredentialData | undefined {
		const found = [...this.byId.values()].find((c) => c.type === type);
		return found ? clone(found.data) : undefined;
	}

	getById(id: string): StoredCredential | undefined {
		const found = this.byId.get(id);
		return found ? clone(found) : undefined;
	}

	list(): StoredCredential[] {
		return [...this.byId.values()].map(clone);
	}

	/** Node credential references ({ [type]: { id, name } }) for the stored credentials of these types. */
	references(types: string[]): Record<string, { id: string; name: string }> {
		const refs: Record<string, { id: string; name: string }> = {};
		for (const type of types) {
			const found = [...this.byId.values()].find((c) => c.type === type);
			if (found) refs[type] = { id: found.id, name: found.name };
		}
		return refs;
	}

	/** @internal used by the credentials helper */
	replace(id: string, type: string, data: CredentialData, kind: CredentialUpdate['kind']) {
		const found = this.find(id, type);
		if (!found) throw new Error(`Credential ${id} of type ${type} not found in store`);
		found.data = clone(data);
		this.updates.push({ id, type, kind, data: clone(data), at: new Date() });
	}

	/**
	 * Secret values held in the store now or written to it during the run (API keys, tokens,
	 * client secrets: string values under keys that look secret), for "no secret in logs" checks.
	 */
	secrets(minLength = 4): string[] {
		const out = new Set<string>();
		const isSecretKey = (key: string) =>
			/(secret|token|apikey|api_key|password|privatekey)/i.test(key) && !/(url|type)$/i.test(key);
		const walk = (value: unknown, key: string) => {
			if (typeof value === 'string') {
				if (isSecretKey(key) && value.length >= minLength) out.add(value);
			} else if (value && typeof value === 'object') {
				for (const [k, v] of Object.entries(value as object)) walk(v, k);
			}
		};
		for (const c of this.initial) walk(c.data, '');
		for (const c of this.byId.values()) walk(c.data, '');
		for (const u of this.updates) walk(u.data, '');
		return [...out];
	}
}
