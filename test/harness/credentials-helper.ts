/**
 * Credentials helper modelled on n8n's own (packages/cli/src/credentials-helper.ts): the engine
 * calls it to read credentials (applying the type's defaults, inherited `extends` properties and
 * expression defaults such as `={{$self["authServerUrl"]}}/token`), to sign requests with an
 * `IAuthenticateGeneric`, and to persist refreshed OAuth2 tokens. Storage is the in-memory
 * CredentialStore instead of the database.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { core, workflow as wf } from './engine';
import type { CredentialTypes } from './credential-types';
import type { CredentialStore } from './credential-store';

/** OAuth endpoint/flow fields recent n8n takes from the credential type when they are hidden. */
const OAUTH_PINNED_FIELDS = [
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'requestTokenUrl',
	'signatureMethod',
];

export interface CredentialsHelperOptions {
	/**
	 * Drop stored values of hidden OAuth fields and use the type's defaults, as recent n8n does
	 * (default true: a node must not rely on a stored hidden value).
	 */
	pinHiddenOAuthFields?: boolean;
	/** Node type used for the mock node when resolving expressions outside an execution. */
	mockNodeType: string;
	nodeTypes: INodeTypes;
}

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

export class CredentialsHelper extends (wf.ICredentialsHelper as unknown as new () => object) {
	/** Names of the helper methods the engine called, in order (diagnostics). */
	readonly calls: string[] = [];

	constructor(
		private readonly credentialTypes: CredentialTypes,
		private readonly store: CredentialStore,
		private readonly options: CredentialsHelperOptions,
	) {
		super();
	}

	getParentTypes(typeName: string): string[] {
		this.calls.push('getParentTypes');
		return this.credentialTypes.getParentTypes(typeName);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		this.calls.push('isCredentialUsableByNode');
		let typeDef;
		try {
			typeDef = this.credentialTypes.getByName(credentialType);
		} catch {
			return true;
		}
		if (!(typeDef as { restrictToSupportedNodes?: boolean }).restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		this.calls.push('authenticate');
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, unknown>;
		const credentialType = this.credentialTypes.getByName(typeName);
		const { authenticate } = credentialType;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (typeof authenticate === 'object') {
			if (!workflow || !node) {
				throw new wf.UnexpectedError('Workflow and node are required for declarative credential authentication');
			}
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			if (authenticate.type === 'generic') {
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
						const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
						const valueResolved = this.resolveValue(value as string, { $credentials: credentials }, workflow, node);
						if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
						(requestOptions[outerKey] as Record<string, unknown>)[keyResolved] = valueResolved;
					}
				}
			}
		}
		return requestOptions;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: WorkflowType,
		node: INode,
	): string {
		if (typeof parameterValue !== 'string' || !parameterValue.startsWith('=')) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		this.calls.push('preAuthentication');
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirableProperty.name] === '' || credentialsExpired) {
			const output = await credentialType.preAuthentication.call(helpers, credentials);
			if (output[expirableProperty.name] === undefined) return undefined;
			if (node.credentials) {
				const nodeCredentials = node.credentials[credentialType.name];
				const stored = this.store.find(nodeCredentials.id, credentialType.name);
				const dataToPersist: ICredentialDataDecryptedObject = { ...(stored?.data as ICredentialDataDecryptedObject) };
				for (const [key, value] of Object.entries(output)) {
					const storedValue = stored?.data[key];
					if (key === expirableProperty.name || !(typeof storedValue === 'string' && storedValue.startsWith('='))) {
						dataToPersist[key] = value as ICredentialDataDecryptedObject[string];
					}
				}
				await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
				return Object.assign(credentials, output);
			}
		}
		return undefined;
	}

	/** 2.x: in-memory transformation on every OAuth2 request, no persistence. */
	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		this.calls.push('runPreAuthentication');
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		this.calls.push('getCredentials');
		const stored = this.findOrThrow(nodeCredentials, type);
		const store = this.store;
		let data = clone(stored.data) as ICredentialDataDecryptedObject;
		return {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			data: undefined,
			getData: () => clone(data),
			getDataToSave: () => ({ id: stored.id, name: stored.name, type: stored.type, data: JSON.stringify(data) }),
			setData: (newData: ICredentialDataDecryptedObject) => {
				data = clone(newData);
				store.replace(stored.id, stored.type, data, 'full');
			},
			updateData: (toUpdate: ICredentialDataDecryptedObject) => {
				data = { ...data, ...clone(toUpdate) };
				store.replace(stored.id, stored.type, data, 'full');
			},
		} as unknown as ICredentials;
	}

	private findOrThrow(nodeCredentials: INodeCredentialsDetails, type: string) {
		if (!nodeCredentials?.id) {
			throw new wf.UserError(`Credential "${nodeCredentials?.name}" of type "${type}" has no ID.`);
		}
		const stored = this.store.find(nodeCredentials.id, type);
		if (!stored) {
			throw new wf.UserError(`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`);
		}
		return stored;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		this.calls.push(raw ? 'getDecrypted(raw)' : 'getDecrypted');
		const stored = this.findOrThrow(nodeCredentials, type);
		const decryptedDataOriginal = clone(stored.data) as ICredentialDataDecryptedObject;
		if (raw === true) return decryptedDataOriginal;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);

		const storedData = { ...decryptedDataOriginal };
		if (this.options.pinHiddenOAuthFields !== false) {
			for (const field of OAUTH_PINNED_FIELDS) {
				if (credentialsProperties.some((p) => p.name === field && p.type === 'hidden')) {
					delete storedData[field];
				}
			}
		}

		// Add the default credential values
		let decryptedData = wf.NodeHelpers.getNodeParameters(
			credentialsProperties,
			storedData as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			// Not a declared property: add it back.
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}

		const additionalKeys = (
			core as unknown as { getAdditionalKeys: (...args: unknown[]) => unknown }
		).getAdditionalKeys(additionalData, mode, null, {
			isCredential: true,
			secretsEnabled: true,
		}) as IWorkflowDataProxyAdditionalKeys;

		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const mockNode: INode = {
				id: 'harness-mock',
				name: 'mock',
				typeVersion: 1,
				type: this.options.mockNodeType,
				position: [0, 0],
				parameters: {},
			};
			const workflow = new wf.Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: this.options.nodeTypes,
			});
			const expression = workflow.expression as unknown as {
				acquireIsolate?: () => Promise<boolean>;
				releaseIsolate?: () => Promise<void>;
			};
			const acquired = expression.acquireIsolate ? await expression.acquireIsolate() : false;
			try {
				decryptedData = workflow.expression.getComplexParameterValue(
					mockNode,
					decryptedData as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} finally {
				if (acquired && expression.releaseIsolate) await expression.releaseIsolate();
			}
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.calls.push('updateCredentials');
		const stored = this.findOrThrow(nodeCredentials, type);
		this.store.replace(stored.id, type, data, 'full');
	}

	/** As n8n: only `oauthTokenData` is written back, merged into the stored data. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.calls.push('updateCredentialsOauthTokenData');
		const stored = this.findOrThrow(nodeCredentials, type);
		this.store.replace(
			stored.id,
			type,
			{ ...stored.data, oauthTokenData: clone(data.oauthTokenData) },
			'oauthTokenData',
		);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		this.calls.push('getCredentialsProperties');
		const credentialTypeData = this.credentialTypes.getByName(type);
		if (credentialTypeData.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialTypeData.properties;
		}
		const combineProperties = [] as INodeProperties[];
		for (const credentialsTypeName of credentialTypeData.extends) {
			const mergeCredentialProperties = this.getCredentialsProperties(credentialsTypeName);
			wf.NodeHelpers.mergeNodeProperties(combineProperties, mergeCredentialProperties);
		}
		// The properties defined on the extending credential take precedence
		wf.NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}
}
