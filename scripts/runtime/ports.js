'use strict';
/** Free loopback ports (CommonJS, Node standard library only): for npm start, the e2e and queue-mode tests. */
const net = require('net');

/** A free TCP port on 127.0.0.1 (and, when `alsoFree` is given, port + each offset free too). */
async function freePort(alsoFree = []) {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await new Promise((resolve, reject) => {
			const s = net.createServer();
			s.once('error', reject);
			s.listen(0, '127.0.0.1', () => {
				const p = s.address().port;
				s.close(() => resolve(p));
			});
		});
		if (port + Math.max(0, ...alsoFree) > 65000) continue;
		const others = await Promise.all(alsoFree.map((d) => isFree(port + d)));
		if (others.every(Boolean)) return port;
	}
	throw new Error('no free port found on 127.0.0.1');
}

function isFree(port) {
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

module.exports = { freePort };
