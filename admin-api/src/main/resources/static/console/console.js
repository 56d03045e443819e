// The Butterfly operator console: vanilla JavaScript over the admin API (/api/v1), with the admin token from this
// tab's sessionStorage as a bearer token. Text from the API is always set with textContent, never as HTML.
'use strict';

const TOKEN_KEY = 'butterfly.adminToken';
const PAGE_SIZE = 20;
const REFRESH_MS = 5000;

const $ = (selector) => document.querySelector(selector);

const state = { view: 'accounts', query: '', page: 0, total: 0, account: null, loaded: null, timer: null };

/** An error answer of the API: an RFC 9457 problem. */
class Problem extends Error {
	constructor(status, body) {
		super(body.detail || body.title || ('HTTP ' + status));
		this.status = status;
		this.title = body.title || ('HTTP ' + status);
		this.errors = Array.isArray(body.errors) ? body.errors : [];
		this.msnpError = body.msnpError;
	}

	describe() {
		const lines = [this.status + ' ' + this.title + ': ' + this.message];
		for (const error of this.errors) {
			lines.push('\u2022 ' + error.field + ': ' + error.message);
		}
		if (this.msnpError !== undefined) {
			lines.push('MSNP error ' + this.msnpError);
		}
		return lines.join('\n');
	}
}

async function api(method, path, body) {
	const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'application/json' };
	const init = { method, headers };
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(body);
	}
	const response = await fetch('../api/v1' + path, init);
	const text = await response.text();
	let parsed = {};
	if (text) {
		try {
			parsed = JSON.parse(text);
		}
		catch (ignored) {
			parsed = { detail: text.slice(0, 200) };
		}
	}
	if (response.status === 401) {
		logOut();
		throw new Problem(401, { title: 'Unauthorized', detail: 'the admin token was refused; log in again' });
	}
	if (!response.ok) {
		throw new Problem(response.status, parsed);
	}
	return parsed;
}

function show(text, kind) {
	const message = $('#message');
	message.textContent = text;
	message.className = kind;
	message.hidden = false;
}

function clearMessage() {
	$('#message').hidden = true;
}

/** Runs an action of the operator; an error becomes the message at the top. */
function guarded(action) {
	return async (event) => {
		if (event) {
			event.preventDefault();
		}
		try {
			await action(event);
		}
		catch (error) {
			show(error instanceof Problem ? error.describe() : 'The admin API could not be reached: ' + error.message,
				'error');
		}
	};
}

/** Builds an element: el('td', {className: 'x'}, 'text', child). */
function el(tag, properties, ...children) {
	const element = Object.assign(document.createElement(tag), properties || {});
	for (const child of children) {
		element.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
	}
	return element;
}

function fillTable(table, rows, columns) {
	const body = $(table + ' tbody');
	body.replaceChildren();
	if (rows.length === 0) {
		body.append(el('tr', null, el('td', { className: 'empty', colSpan: columns }, 'none')));
	}
	for (const row of rows) {
		body.append(row);
	}
}

function when(instant) {
	return instant ? new Date(instant).toLocaleString() : '';
}

function status(value) {
	return el('span', { className: 'status status-' + value }, value);
}

const path = (email) => encodeURIComponent(email);

// Logging in and out.

function logOut() {
	sessionStorage.removeItem(TOKEN_KEY);
	stopRefresh();
	$('#app').hidden = true;
	$('#summary').hidden = true;
	$('#login').hidden = false;
}

async function logIn(event) {
	event.preventDefault();
	sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim());
	try {
		await api('GET', '/nodes');
	}
	catch (error) {
		show(error instanceof Problem ? error.describe() : 'The admin API could not be reached: ' + error.message,
			'error');
		logOut();
		return;
	}
	$('#token').value = '';
	clearMessage();
	enter();
}

function enter() {
	$('#login').hidden = true;
	$('#app').hidden = false;
	$('#summary').hidden = false;
	select(state.view);
}

// Views.

const loaders = {
	accounts: () => search(),
	online: () => loadSessions(),
	nodes: () => loadNodes(),
	alerts: async () => {},
	maintenance: async () => {},
};

function select(view) {
	state.view = view;
	for (const button of document.querySelectorAll('nav button')) {
		button.classList.toggle('active', button.dataset.view === view);
	}
	for (const section of document.querySelectorAll('.view')) {
		section.hidden = section.id !== 'view-' + view;
	}
	stopRefresh();
	if (view === 'online' || view === 'nodes') {
		state.timer = setInterval(guarded(loaders[view]), REFRESH_MS);
	}
	guarded(loaders[view])();
	guarded(loadSummary)();
}

function stopRefresh() {
	if (state.timer) {
		clearInterval(state.timer);
		state.timer = null;
	}
}

async function loadSummary() {
	const [sessions, nodes] = await Promise.all([api('GET', '/sessions'), api('GET', '/nodes')]);
	$('#summary-online').textContent = sessions.length + ' online';
	const count = (role) => nodes.filter((node) => node.role === role).length;
	$('#summary-nodes').textContent = count('ns') + ' ns \u00b7 ' + count('sb') + ' sb';
}

// Accounts.

async function search() {
	const query = new URLSearchParams({ q: state.query, page: state.page, size: PAGE_SIZE });
	const result = await api('GET', '/accounts?' + query);
	state.total = result.total;
	fillTable('#accounts-table', result.accounts.map((account) => {
		const row = el('tr', { className: 'clickable' }, el('td', null, account.email),
			el('td', null, account.friendlyName), el('td', null, account.listVersion),
			el('td', null, when(account.createdAt)));
		row.dataset.email = account.email;
		row.classList.toggle('selected', account.email === state.account);
		row.addEventListener('click', guarded(() => openAccount(account.email)));
		return row;
	}), 4);
	const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
	$('#accounts-page').textContent = 'page ' + (state.page + 1) + ' of ' + pages + ' \u00b7 ' + result.total
		+ ' account(s)';
	$('#accounts-prev').disabled = state.page === 0;
	$('#accounts-next').disabled = state.page + 1 >= pages;
}

async function create() {
	const body = { email: $('#create-email').value.trim(), password: $('#create-password').value };
	const name = $('#create-name').value.trim();
	if (name) {
		body.friendlyName = name;
	}
	const account = await api('POST', '/accounts', body);
	$('#create-form').reset();
	show('Account ' + account.email + ' created.', 'ok');
	state.query = account.email;
	state.page = 0;
	$('#search-q').value = account.email;
	await search();
	await openAccount(account.email);
}

async function openAccount(email) {
	const [account, lists, sessions] = await Promise.all([api('GET', '/accounts/' + path(email)),
		api('GET', '/accounts/' + path(email) + '/lists'), api('GET', '/sessions')]);
	state.account = account.email;
	state.loaded = account;
	$('#account-detail').hidden = false;
	$('#detail-email').textContent = account.email;
	const session = sessions.find((each) => each.email === account.email);
	$('#detail-online').textContent = session ? 'online (' + session.status + ' on ' + session.node + ')' : '';
	$('#edit-name').value = account.friendlyName;
	$('#edit-password').value = '';
	$('#edit-blp').value = account.blp;
	$('#edit-gtc').value = account.gtc;
	renderLists(lists);
	for (const row of document.querySelectorAll('#accounts-table tbody tr')) {
		row.classList.toggle('selected', row.dataset.email === account.email);
	}
}

function renderLists(lists) {
	$('#lists-version').textContent = 'version ' + lists.version;
	const columns = ['FL', 'AL', 'BL', 'RL'].map((name) => {
		const items = lists[name].map((entry) => {
			const item = el('li', { title: entry.friendlyName }, entry.email);
			if (name !== 'RL') {
				const remove = el('button', { type: 'button', className: 'quiet small', title: 'Remove' }, '\u2715');
				remove.addEventListener('click', guarded(async () => {
					const change = await api('DELETE', '/accounts/' + path(state.account) + '/lists/' + name + '/'
						+ path(entry.email));
					show(entry.email + ' removed from ' + name + ' (version ' + change.version + ').', 'ok');
					await openAccount(state.account);
				}));
				item.append(remove);
			}
			return item;
		});
		if (items.length === 0) {
			items.push(el('li', { className: 'empty' }, 'empty'));
		}
		return el('div', null, el('h4', null, name + ' (' + lists[name].length + ')'), el('ul', null, ...items));
	});
	$('#lists').replaceChildren(el('div', { className: 'lists' }, ...columns));
}

async function update() {
	// Only what changed: a new name, BLP or GTC moves the list version and tells watchers.
	const body = {};
	for (const [field, input] of [['friendlyName', '#edit-name'], ['blp', '#edit-blp'], ['gtc', '#edit-gtc']]) {
		if ($(input).value !== state.loaded[field]) {
			body[field] = $(input).value;
		}
	}
	if ($('#edit-password').value) {
		body.password = $('#edit-password').value;
	}
	if (Object.keys(body).length === 0) {
		show('Nothing changed.', 'ok');
		return;
	}
	const account = await api('PATCH', '/accounts/' + path(state.account), body);
	show('Account ' + account.email + ' saved.', 'ok');
	await search();
	await openAccount(account.email);
}

async function remove() {
	const email = state.account;
	if (!confirm('Delete ' + email + '? Its session is signed out and its contacts lose it.')) {
		return;
	}
	await api('DELETE', '/accounts/' + path(email));
	state.account = null;
	$('#account-detail').hidden = true;
	show('Account ' + email + ' deleted.', 'ok');
	await search();
}

async function addToList() {
	const list = $('#list-name').value;
	const contact = $('#list-contact').value.trim();
	const change = await api('PUT', '/accounts/' + path(state.account) + '/lists/' + list + '/' + path(contact));
	$('#list-contact').value = '';
	show(contact + ' added to ' + list + ' (version ' + change.version + ').', 'ok');
	await openAccount(state.account);
}

// Sessions and nodes.

async function loadSessions() {
	const sessions = await api('GET', '/sessions');
	fillTable('#sessions-table', sessions.map((session) => {
		const kick = el('button', { type: 'button', className: 'danger small kick' }, 'Kick');
		kick.addEventListener('click', guarded(async () => {
			await api('DELETE', '/sessions/' + path(session.email));
			show(session.email + ' is being signed out.', 'ok');
			setTimeout(guarded(loadSessions), 500);
		}));
		const row = el('tr', null, el('td', null, session.email), el('td', null, session.friendlyName),
			el('td', null, status(session.status)), el('td', null, session.dialect), el('td', null, session.node),
			el('td', null, when(session.since)), el('td', null, kick));
		row.dataset.email = session.email;
		return row;
	}), 7);
	$('#summary-online').textContent = sessions.length + ' online';
}

async function loadNodes() {
	const [nodes, sessions] = await Promise.all([api('GET', '/nodes'), api('GET', '/sessions')]);
	const perNode = new Map();
	for (const session of sessions) {
		perNode.set(session.node, (perNode.get(session.node) || 0) + 1);
	}
	fillTable('#nodes-table', nodes.map((node) => {
		const row = el('tr', null, el('td', null, node.role), el('td', null, node.id), el('td', null, node.address),
			el('td', null, node.load), el('td', null, node.role === 'ns' ? (perNode.get(node.id) || 0) : ''),
			el('td', null, when(node.heartbeat)), el('td', null, when(node.started)));
		row.dataset.node = node.id;
		return row;
	}), 7);
}

// Alerts and the maintenance message.

async function pushAlert() {
	const alert = { text: $('#alert-text').value };
	for (const [field, input] of [['siteUrl', '#alert-site-url'], ['actionUrl', '#alert-action-url']]) {
		if ($(input).value.trim()) {
			alert[field] = $(input).value.trim();
		}
	}
	const result = $('#alert-result');
	if ($('#alert-to-online').checked) {
		const sent = await api('POST', '/notifications', Object.assign({ to: 'online' }, alert));
		result.replaceChildren(el('div', null, 'Alert ' + sent.id + ' pushed to ' + sent.recipients.length
			+ ' user(s) online:'), el('ul', null, ...sent.recipients.map((recipient) =>
			el('li', null, recipient.email + ': ' + recipient.state))));
	}
	else {
		const email = $('#alert-email').value.trim();
		if (!email) {
			throw new Problem(400, { title: 'Bad Request', detail: 'enter the e-mail address of the user' });
		}
		const pushed = await api('POST', '/accounts/' + path(email) + '/notifications', alert);
		result.replaceChildren(el('div', null, 'Alert ' + pushed.documentId + ' to ' + email + ': ',
			el('strong', { id: 'alert-state' }, pushed.state),
			pushed.state === 'queued' ? ' (sent at the next sign-in, until ' + when(pushed.expiresAt) + ')' : ''));
	}
	result.hidden = false;
	clearMessage();
}

async function announce() {
	const minutes = Number($('#maintenance-minutes').value);
	const sent = await api('POST', '/system-messages', { minutes });
	const result = $('#maintenance-result');
	result.textContent = 'Shutdown in ' + sent.minutes + ' minute(s) announced to ' + sent.sessions
		+ ' session(s).';
	result.hidden = false;
	clearMessage();
}

function toggleAlertRecipient() {
	$('#alert-email').disabled = $('#alert-to-online').checked;
}

document.addEventListener('DOMContentLoaded', () => {
	$('#login-form').addEventListener('submit', logIn);
	$('#logout').addEventListener('click', () => {
		logOut();
		clearMessage();
	});
	for (const button of document.querySelectorAll('nav button')) {
		button.addEventListener('click', () => {
			clearMessage();
			select(button.dataset.view);
		});
	}
	$('#search-form').addEventListener('submit', guarded(() => {
		state.query = $('#search-q').value.trim();
		state.page = 0;
		return search();
	}));
	$('#accounts-prev').addEventListener('click', guarded(() => {
		state.page = Math.max(0, state.page - 1);
		return search();
	}));
	$('#accounts-next').addEventListener('click', guarded(() => {
		state.page += 1;
		return search();
	}));
	$('#create-form').addEventListener('submit', guarded(create));
	$('#edit-form').addEventListener('submit', guarded(update));
	$('#delete-account').addEventListener('click', guarded(remove));
	$('#list-add-form').addEventListener('submit', guarded(addToList));
	$('#refresh-sessions').addEventListener('click', guarded(loadSessions));
	$('#refresh-nodes').addEventListener('click', guarded(loadNodes));
	$('#alert-form').addEventListener('submit', guarded(pushAlert));
	for (const radio of document.querySelectorAll('input[name=alert-to]')) {
		radio.addEventListener('change', toggleAlertRecipient);
	}
	$('#maintenance-form').addEventListener('submit', guarded(announce));
	if (sessionStorage.getItem(TOKEN_KEY)) {
		enter();
	}
});
