/**
 * Run the Constant Contact sandbox as a standalone server (for the demo / manual testing):
 *
 *   npx tsx test/sandbox/cli.ts [--port 4010] [--latency 0] [--no-rate-limit] [--quiet]
 *
 * Port: --port, else env CC_SANDBOX_PORT, else 4010; address: --host, else CC_SANDBOX_HOST, else
 * 127.0.0.1. Credentials: the fixed defaults, or env CC_SANDBOX_V2_API_KEY /
 * CC_SANDBOX_V2_ACCESS_TOKEN / CC_SANDBOX_CLIENT_ID / CC_SANDBOX_CLIENT_SECRET (scripts/env-vars.js).
 * Runs until SIGINT/SIGTERM.
 */
import { envVar } from '../../scripts/env-vars';
import { Sandbox } from './index';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
	const port = Number(arg('--port') ?? envVar('CC_SANDBOX_PORT'));
	const latencyMs = Number(arg('--latency') ?? 0);
	const quiet = process.argv.includes('--quiet');
	const sb = await Sandbox.start({
		port,
		host: arg('--host') ?? envVar('CC_SANDBOX_HOST'),
		latencyMs,
		rateLimitPerSecond: process.argv.includes('--no-rate-limit') ? false : 4,
		log: quiet ? undefined : (line) => console.log(`[sandbox] ${line}`),
	});
	const tokens = sb.issueTokens();
	// The sandbox's own fake credentials: printing them here (CLI only) is intended.
	console.log(`Constant Contact sandbox listening on ${sb.url}
  v2 base URL     ${sb.v2BaseUrl}
  v3 base URL     ${sb.v3BaseUrl}
  OAuth2          ${sb.oauthBaseUrl}/authorize   ${sb.oauthBaseUrl}/token
  v2 api_key      ${sb.secrets.v2ApiKey}
  v2 access token ${sb.secrets.v2AccessToken}
  v3 client id    ${sb.secrets.clientId}
  v3 client secret ${sb.secrets.clientSecret}
  v3 access token (ready to use, ${tokens.expires_in}s) ${tokens.access_token}
  verified sender ${sb.verifiedEmails().join(', ')}
Ctrl+C to stop.`);
	let closing = false;
	const stop = (sig: string): void => {
		if (closing) return;
		closing = true;
		console.log(`\n${sig}: closing sandbox`);
		sb.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
