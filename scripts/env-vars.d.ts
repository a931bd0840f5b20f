/** Types of scripts/env-vars.js (the table itself is there). */
export interface EnvVar {
	/** What the variable does, in one line. */
	meaning: string;
	/** What envVar() returns when it is unset or empty. */
	default?: string;
}

/** Every environment variable the tests, scripts and benchmark read. */
export declare const ENV_VARS: Readonly<Record<string, EnvVar>>;

/** The variable's value; unset or empty: its default (undefined when it has none). Throws for a name not in the table. */
export declare function envVar(name: string): string | undefined;

/** Whether the variable is set to "1". Throws for a name not in the table. */
export declare function envFlag(name: string): boolean;
