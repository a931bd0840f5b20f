const SHOWN_LENGTH = 60;

/** A parameter value as an error message shows it: quoted text or JSON, cut short. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'an empty value';
	let shown: string;
	if (typeof value === 'string') shown = `"${value}"`;
	else {
		try {
			shown = JSON.stringify(value) ?? typeof value;
		} catch {
			shown = typeof value;
		}
	}
	return shown.length > SHOWN_LENGTH ? `${shown.slice(0, SHOWN_LENGTH - 3)}...` : shown;
}

/** Text as fields take it: typed, or from an expression that returns a string or a number. */
export function isText(value: unknown): value is string | number {
	return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The size of `text` in UTF-8, as it goes over the wire. */
export function utf8Bytes(text: string): number {
	let bytes = 0;
	for (const char of text) {
		const code = char.codePointAt(0) as number;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}
