/**
 * What recipients did with a sent v3 email: opens, clicks, forwards, opt-outs and bounces,
 * derived deterministically from each send record (same activity + contact = same behaviour),
 * so the tracking reports, stats and summaries of the sandbox agree with one another.
 */
import * as crypto from 'crypto';
import type { SendRecord, V3Activity } from './state';
import { iso } from './state';

export interface Engagement {
	send: SendRecord;
	bounceCode?: string; // bounced: nothing else happens
	opens: { at: number; device: string }[];
	click?: { at: number; device: string; link: number };
	forwardAt?: number;
	optOutAt?: number;
}

const BOUNCE_CODES = ['B', 'D', 'F', 'V', 'Z']; // non-existent, undeliverable, full, vacation, blocked
const DEVICES = ['computer', 'mobile', 'tablet'];
const MINUTE = 60000;

/** The links of an email, in order, as the link report lists them. */
export function linksOf(a: V3Activity): string[] {
	const out: string[] = [];
	for (const m of a.html_content.matchAll(/<a\s[^>]*href\s*=\s*"([^"]+)"/gi)) if (!out.includes(m[1])) out.push(m[1]);
	return out;
}
export const urlId = (index: number): string => String(1100000001 + index);

const cache = new WeakMap<SendRecord, Engagement>();

export function engagementOf(a: V3Activity, send: SendRecord): Engagement {
	const known = cache.get(send);
	if (known) return known;
	const h = crypto.createHash('sha256').update(`${a.campaign_activity_id}:${send.contactId}`).digest();
	const e: Engagement = { send, opens: [] };
	if (h[0] % 100 < 6) e.bounceCode = BOUNCE_CODES[h[1] % BOUNCE_CODES.length];
	else {
		const device = DEVICES[h[2] % DEVICES.length];
		if (h[3] % 100 < 55) {
			const first = send.sentAt + (1 + h[4]) * MINUTE;
			for (let i = 0; i < 1 + (h[5] % 3); i++) e.opens.push({ at: first + i * 90 * MINUTE, device });
			const links = linksOf(a).length;
			if (links && h[6] % 100 < 45) e.click = { at: first + 2 * MINUTE, device, link: h[7] % links };
			if (h[8] % 100 < 8) e.forwardAt = first + 5 * MINUTE;
		}
		if (h[9] % 100 < 4) e.optOutAt = send.sentAt + (30 + h[10]) * MINUTE;
	}
	cache.set(send, e);
	return e;
}

export function engagementsOf(a: V3Activity): Engagement[] {
	return a.sendLog.map((s) => engagementOf(a, s));
}

export interface Counts {
	sends: number;
	opens: number; // unique
	opensAll: number;
	clicks: number; // unique
	forwards: number;
	optouts: number;
	bounces: number;
	notOpened: number;
}

/** Counts as of `now` (sandbox clock): recipients open and click over the hours after a send. */
export function countsOf(list: Engagement[], now: number): Counts {
	const c: Counts = { sends: 0, opens: 0, opensAll: 0, clicks: 0, forwards: 0, optouts: 0, bounces: 0, notOpened: 0 };
	const seen = (at: number | undefined): boolean => at !== undefined && at <= now;
	for (const e of list) {
		c.sends++;
		const opens = e.opens.filter((o) => seen(o.at)).length;
		if (e.bounceCode) c.bounces++;
		else if (opens) c.opens++;
		else c.notOpened++;
		c.opensAll += opens;
		if (seen(e.click?.at)) c.clicks++;
		if (seen(e.forwardAt)) c.forwards++;
		if (seen(e.optOutAt)) c.optouts++;
	}
	return c;
}

const pct = (n: number, of: number): number => (of ? Math.round((n / of) * 1000) / 10 : 0);

/** The `percents` of a stats report: opens and clicks of delivered emails, bounces of sends. */
export function percentsOf(c: Counts): Record<string, number> {
	const delivered = c.sends - c.bounces;
	return {
		bounce: pct(c.bounces, c.sends),
		click: pct(c.clicks, delivered),
		desktop_click: 0,
		desktop_open: 0,
		did_not_open: pct(c.notOpened, delivered),
		mobile_click: 0,
		mobile_open: 0,
		open: pct(c.opens, delivered),
		unsubscribe: pct(c.optouts, delivered),
	};
}

/** The tracking report rows of one kind as of `now`, most recent first (as the API lists them). */
export function trackingRows(
	a: V3Activity,
	kind: string,
	now: number,
	contact: (id: string) => { first_name: string; last_name: string } | undefined,
): Record<string, unknown>[] {
	const rows: { at: number; row: Record<string, unknown> }[] = [];
	for (const e of engagementsOf(a)) {
		const ct = contact(e.send.contactId);
		const base = (type: string, at: number, extra: Record<string, unknown> = {}) =>
			at <= now &&
			rows.push({
				at,
				row: {
					contact_id: e.send.contactId,
					campaign_activity_id: a.campaign_activity_id,
					tracking_activity_type: type,
					email_address: e.send.email,
					first_name: ct?.first_name ?? '',
					last_name: ct?.last_name ?? '',
					...extra,
					created_time: iso(at),
				},
			});
		if (kind === 'sends') base('em_sends', e.send.sentAt);
		if (kind === 'opens') for (const o of e.opens) base('em_opens', o.at, { device_type: o.device });
		const opened = e.opens.filter((o) => o.at <= now);
		if (kind === 'unique_opens' && opened.length) base('em_opens', e.opens[0].at, { device_type: e.opens[0].device });
		if (kind === 'didnotopens' && !e.bounceCode && !opened.length) base('em_not_opened', e.send.sentAt);
		if (kind === 'clicks' && e.click) {
			base('em_clicks', e.click.at, {
				device_type: e.click.device,
				url_id: urlId(e.click.link),
				link_url: linksOf(a)[e.click.link],
			});
		}
		if (kind === 'forwards' && e.forwardAt !== undefined) base('em_forwards', e.forwardAt);
		if (kind === 'optouts' && e.optOutAt !== undefined)
			base('em_optouts', e.optOutAt, { opt_out_reason: 'No longer interested' });
		if (kind === 'bounces' && e.bounceCode)
			base('em_bounces', e.send.sentAt, { bounce_code: e.bounceCode, current_email_address: e.send.email });
	}
	return rows
		.sort((x, y) => y.at - x.at || (String(x.row.contact_id) < String(y.row.contact_id) ? -1 : 1))
		.map((r) => r.row);
}

/** The link report: unique clicks per link of the email. */
export function linkCounts(a: V3Activity, withoutClicks: boolean, now: number): Record<string, unknown>[] {
	const links = linksOf(a);
	const clicks = links.map(() => 0);
	for (const e of engagementsOf(a)) if (e.click && e.click.at <= now) clicks[e.click.link]++;
	return links
		.map((link_url, i) => ({ link_url, url_id: urlId(i), unique_clicks: clicks[i] }))
		.filter((l) => withoutClicks || l.unique_clicks > 0);
}
