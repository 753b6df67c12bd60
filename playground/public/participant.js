// @ts-check
/**
 * The participant page: the reference front end for the clearon public API (docs/site-builders.md).
 * Plain browser JavaScript, no build step, no dependency. What it shows a site builder:
 *   1. GET  /api/clearon/campaigns                     the open campaigns
 *   2. GET  /api/clearon/campaigns/:slug               a campaign's form fields and quiz questions
 *   3. POST /api/clearon/campaigns/:slug/participations {"answers": {...}}: 201, or 400 with field errors
 *      (with an Idempotency-Key, so that sending the same answers again never makes a second one)
 *   4. GET  /api/clearon/participations/:id (X-Participation-Token header)  polled while pending
 *
 * Localised campaigns: the page asks for the campaign in the browser's preferred language
 * (navigator.languages, what the browser sends as Accept-Language) among the campaign's `locales`,
 * and sends that `?locale=` with the participation.
 *
 * The URL holds the state: `?campaign=<slug>` shows a campaign; after a participation,
 * `?campaign=<slug>&participation=<id>#token=<token>` shows its result again on reload (the token
 * stays in the fragment, which the browser never sends to a server).
 */

const API = '/api/clearon';

/** Polling while the coupon is pending: 1 s, 2 s, 4 s, ... at most 10 s apart, for 3 minutes. */
const POLL = { firstDelayMs: 1000, maxDelayMs: 10_000, giveUpAfterMs: 3 * 60_000 };

/**
 * @typedef {{ label: string, value: string }} Option
 * @typedef {{ key: string, label: string, type: 'text'|'email'|'phone'|'choice'|'checkbox',
 *   required: boolean, options?: Option[], showWhen?: { field: string, value: string | null } }} Field
 * @typedef {{ key: string, label: string, answers: Option[] }} Question
 * @typedef {{ provider: 'turnstile'|'hcaptcha', siteKey: string|null, script: string }} Captcha
 * @typedef {{ slug: string, title: string, locale: string | null, locales: string[],
 *   mode: string, format: string, fields: Field[], questions: Question[],
 *   captcha: Captcha | null }} Campaign
 * @typedef {{ status: 'pending'|'issued'|'failed'|'unavailable', delivery?: 'automatic'|'button',
 *   channel?: 'email'|'sms'|'none', code?: string, redeemUrl?: string, expiresAt?: string,
 *   reason?: 'cap_reached', message?: string }} Coupon
 * @typedef {{ id: string, token?: string,
 *   exitScreen: { title: string, blocks: object[], html: string } | null,
 *   coupon: Coupon | null }} Participation
 * @typedef {{ path: (string|number)[], message: string }} FieldError
 * @typedef {{ status: number, body: any, retryAfter: string | null }} ApiResponse
 */

// ---------------------------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------------------------

/** The browser's languages, most preferred first (what it sends as Accept-Language). */
function browserLanguages() {
  const languages = window.navigator.languages?.length
    ? window.navigator.languages
    : [window.navigator.language || 'en'];
  return languages.filter(Boolean);
}

/**
 * The first of the browser's languages the campaign is in: the exact tag (`fr-CA`), else its
 * language (`fr`), else a regional variant of it (`fr-CA` for a browser that says `fr`).
 * @param {string[]} locales the campaign's locales
 * @returns {string | null}
 */
function preferredLocale(locales) {
  const lower = locales.map((code) => code.toLowerCase());
  for (const tag of browserLanguages().map((language) => language.toLowerCase())) {
    const language = tag.split('-')[0];
    const index = [
      lower.indexOf(tag),
      lower.indexOf(language),
      lower.findIndex((code) => code.split('-')[0] === language),
    ].find((i) => i >= 0);
    if (index !== undefined) return locales[index];
  }
  return null;
}

/**
 * A campaign in the browser's preferred language among its locales (else its default locale).
 * @param {string} slug
 * @returns {Promise<ApiResponse>}
 */
async function loadCampaign(slug) {
  const path = `/campaigns/${encodeURIComponent(slug)}`;
  const first = await api(path);
  if (first.status !== 200) return first;
  const wanted = preferredLocale(first.body.data.locales ?? []);
  if (!wanted || wanted === first.body.data.locale) return first;
  return api(`${path}?locale=${encodeURIComponent(wanted)}`);
}

/**
 * Calls the public API. Never throws for an HTTP status: the caller reads `status` and `body`
 * (`{data}` on success, `{data: null, error: {status, name, message, details}}` otherwise).
 * @param {string} path
 * @param {{ method?: string, json?: unknown, headers?: Record<string, string> }} [options]
 * @returns {Promise<ApiResponse>}
 */
async function api(path, options = {}) {
  /** @type {RequestInit} */
  const init = {
    method: options.method ?? 'GET',
    headers: { Accept: 'application/json', ...(options.headers ?? {}) },
  };
  if (options.json !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.json);
  }
  const response = await fetch(API + path, init);
  let body = null;
  try {
    body = await response.json();
  } catch {
    // An empty or non-JSON body (a proxy's error page, for instance).
  }
  return { status: response.status, body, retryAfter: response.headers.get('Retry-After') };
}

// ---------------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------------

const app = /** @type {HTMLElement} */ (document.getElementById('app'));

/**
 * Creates an element: `h('p', { className: 'error' }, 'text', otherNode)`.
 * @param {string} tag
 * @param {Record<string, unknown>} [props] element properties (`dataset`-free, plain properties)
 * @param {...(Node | string | null | undefined | false)} children
 */
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('aria-') || name.startsWith('data-'))
      element.setAttribute(name, String(value));
    else /** @type {any} */ (element)[name] = value;
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** @param {...(Node | string | null | undefined | false)} children */
function show(...children) {
  app.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
}

/** @param {string} message */
function showProblem(message) {
  show(h('h1', {}, 'Sorry'), h('p', { role: 'alert' }, message), backLink());
}

function backLink() {
  return h('p', {}, h('a', { href: '/' }, '← All campaigns'));
}

const FORMATS = /** @type {Record<string, string>} */ ({
  form: 'Form',
  quiz: 'Quiz',
  'personality-test': 'Personality test',
});

// ---------------------------------------------------------------------------------------------
// 1. The list of open campaigns
// ---------------------------------------------------------------------------------------------

async function showCampaignList() {
  // The titles in the browser's language where a campaign has it (a code the API accepts).
  const language = (browserLanguages()[0] ?? '').split('-')[0];
  const query = /^[A-Za-z]{2,3}$/.test(language) ? `?locale=${language}` : '';
  const { status, body } = await api(`/campaigns${query}`);
  if (status !== 200) return showProblem('The campaigns could not be loaded.');
  /** @type {{ slug: string, title: string, format: string }[]} */
  const campaigns = body.data;
  document.title = 'Campaigns';
  show(
    h('h1', {}, 'Campaigns'),
    campaigns.length === 0
      ? h('p', {}, 'No campaign is open right now.')
      : h(
          'ul',
          { className: 'campaigns' },
          ...campaigns.map((c) =>
            h(
              'li',
              {},
              h('a', { href: `/?campaign=${encodeURIComponent(c.slug)}` }, c.title),
              ' ',
              h('span', { className: 'format' }, FORMATS[c.format] ?? c.format)
            )
          )
        )
  );
}

// ---------------------------------------------------------------------------------------------
// 2. A campaign's form: fields, conditional fields, quiz questions
// ---------------------------------------------------------------------------------------------

/** @param {string} slug */
async function showCampaign(slug) {
  const { status, body } = await loadCampaign(slug);
  if (status === 404) return showProblem('This campaign does not exist or is not open.');
  if (status !== 200) return showProblem('The campaign could not be loaded.');
  /** @type {Campaign} */
  const campaign = body.data;
  document.title = campaign.title;
  if (campaign.locale) document.documentElement.lang = campaign.locale;

  const formError = h('div', { className: 'error', role: 'alert', id: 'form-error' });
  const submit = h('button', { type: 'submit' }, 'Send');
  // The honeypot (docs/site-builders.md): out of sight and out of the tab order; people leave it
  // empty, form-filling bots do not.
  const honeypot = h(
    'div',
    { className: 'hp', 'aria-hidden': 'true' },
    h('label', { htmlFor: 'input-website' }, 'Website'),
    h('input', { id: 'input-website', name: 'website', tabIndex: -1, autocomplete: 'off' })
  );
  // noValidate: the API is the one judge of the answers, and its messages are shown per field.
  const form = /** @type {HTMLFormElement} */ (
    h(
      'form',
      { noValidate: true },
      ...campaign.fields.map(renderField),
      ...campaign.questions.map(renderQuestion),
      renderCaptcha(campaign.captcha),
      honeypot,
      formError,
      submit
    )
  );

  // Conditional fields (`showWhen`) follow the answers live.
  const updateVisibility = () => applyConditions(campaign, form);
  form.addEventListener('input', updateVisibility);
  form.addEventListener('change', updateVisibility);
  updateVisibility();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    /** @type {HTMLButtonElement} */ (submit).disabled = true;
    try {
      await participate(campaign, form, formError);
    } finally {
      /** @type {HTMLButtonElement} */ (submit).disabled = false;
    }
  });

  show(h('h1', {}, campaign.title), form, backLink());
}

/**
 * One form field, wrapped in an element whose id is `field-<key>`, with an empty error slot
 * `error-<key>` that the API's messages fill.
 * @param {Field} field
 */
function renderField(field) {
  const id = `input-${field.key}`;
  const error = h('p', { className: 'error', id: `error-${field.key}` });
  const mark = field.required
    ? h('span', { className: 'required', 'aria-hidden': 'true' }, ' *')
    : null;

  if (field.type === 'choice') {
    // A choice is a radio group: every option is visible, and the values are what the API expects.
    return h(
      'fieldset',
      { id: `field-${field.key}`, className: 'choice', 'aria-describedby': error.id },
      h('legend', {}, field.label, mark),
      ...(field.options ?? []).map((option) =>
        h(
          'label',
          {},
          h('input', { type: 'radio', name: field.key, value: option.value }),
          ' ',
          option.label
        )
      ),
      error
    );
  }
  if (field.type === 'checkbox') {
    return h(
      'div',
      { id: `field-${field.key}`, className: 'field checkbox' },
      h(
        'label',
        {},
        h('input', { type: 'checkbox', id, name: field.key, 'aria-describedby': error.id }),
        ' ',
        field.label,
        mark
      ),
      error
    );
  }
  const inputType = { email: 'email', phone: 'tel', text: 'text' }[field.type] ?? 'text';
  const autocomplete = { email: 'email', phone: 'tel' }[field.type] ?? 'on';
  return h(
    'div',
    { id: `field-${field.key}`, className: 'field' },
    h('label', { htmlFor: id }, field.label, mark),
    h('input', {
      type: inputType,
      id,
      name: field.key,
      autocomplete,
      'aria-describedby': error.id,
    }),
    error
  );
}

/**
 * A quiz or personality-test question: a radio group of its answers.
 * @param {Question} question
 */
function renderQuestion(question) {
  const error = h('p', { className: 'error', id: `error-${question.key}` });
  return h(
    'fieldset',
    { id: `field-${question.key}`, className: 'choice question', 'aria-describedby': error.id },
    h('legend', {}, question.label),
    ...question.answers.map((answer) =>
      h(
        'label',
        {},
        h('input', { type: 'radio', name: question.key, value: answer.value }),
        ' ',
        answer.label
      )
    ),
    error
  );
}

/**
 * The value a field holds now, as the API expects it: a string, a boolean for a checkbox,
 * undefined when nothing is entered or selected.
 * @param {HTMLFormElement} form
 * @param {string} key
 * @returns {string | boolean | undefined}
 */
function valueOf(form, key) {
  const control = form.elements.namedItem(key);
  if (control instanceof RadioNodeList) return control.value || undefined;
  if (!(control instanceof HTMLInputElement)) return undefined;
  if (control.type === 'checkbox') return control.checked;
  if (control.type === 'radio') return control.checked ? control.value : undefined;
  return control.value.trim() === '' ? undefined : control.value;
}

/**
 * The server's rule, mirrored: a field with `showWhen` is shown (and validated) only while the
 * other field's value equals `showWhen.value`.
 * @param {Field} field
 * @param {HTMLFormElement} form
 */
function isVisible(field, form) {
  if (!field.showWhen) return true;
  const value = valueOf(form, field.showWhen.field);
  // A checkbox answers true/false; its "show when" value is written "true" or "false".
  return (typeof value === 'boolean' ? String(value) : value) === field.showWhen.value;
}

/**
 * @param {Campaign} campaign
 * @param {HTMLFormElement} form
 */
function applyConditions(campaign, form) {
  for (const field of campaign.fields) {
    const wrapper = /** @type {HTMLElement} */ (form.querySelector(`#field-${field.key}`));
    wrapper.hidden = !isVisible(field, form);
  }
}

/**
 * The body of the POST: `{"answers": {key: value}}`, without the fields hidden by a condition
 * and without empty ones (the API reports the missing required ones).
 * @param {Campaign} campaign
 * @param {HTMLFormElement} form
 */
function readAnswers(campaign, form) {
  /** @type {Record<string, string | boolean>} */
  const answers = {};
  for (const field of campaign.fields) {
    if (!isVisible(field, form)) continue;
    const value = valueOf(form, field.key);
    if (value !== undefined) answers[field.key] = value;
  }
  for (const question of campaign.questions) {
    const value = valueOf(form, question.key);
    if (value !== undefined) answers[question.key] = value;
  }
  return answers;
}

// ---------------------------------------------------------------------------------------------
// 3. Submitting, and the API's errors next to the fields
// ---------------------------------------------------------------------------------------------

/**
 * @param {Campaign} campaign
 * @param {HTMLFormElement} form
 * @param {HTMLElement} formError
 */
async function participate(campaign, form, formError) {
  clearErrors(form, formError);
  const answers = readAnswers(campaign, form);
  /** @type {ApiResponse} */
  let response;
  try {
    const locale = campaign.locale ? `?locale=${encodeURIComponent(campaign.locale)}` : '';
    response = await api(
      `/campaigns/${encodeURIComponent(campaign.slug)}/participations${locale}`,
      {
        method: 'POST',
        json: {
          answers,
          website:
            /** @type {HTMLInputElement} */ (form.elements.namedItem('website'))?.value ?? '',
          ...captchaTokenOf(form, campaign.captcha),
        },
        headers: { 'Idempotency-Key': idempotencyKeyFor(campaign.slug, answers) },
      }
    );
  } catch {
    formError.textContent = 'The server cannot be reached. Check your connection and try again.';
    return;
  }
  const { status, body, retryAfter } = response;

  if (status === 201) {
    /** @type {Participation} */
    const participation = body.data;
    // Keep the result on reload: the id in the query, the secret token in the fragment.
    const url = new URL(window.location.href);
    url.searchParams.set('participation', participation.id);
    url.hash = `token=${encodeURIComponent(participation.token ?? '')}`;
    window.history.replaceState(null, '', url);
    showResult(campaign.title, participation, participation.token ?? '');
    return;
  }
  if (status === 400 && body?.error?.name === 'CaptchaError') {
    // A token is good for one check: the widget gives a new one.
    const widgets = /** @type {any} */ (window);
    widgets.turnstile?.reset?.();
    widgets.hcaptcha?.reset?.();
    formError.textContent = 'Please complete the check above the button again.';
    return;
  }
  if (status === 400) return showFieldErrors(form, formError, body?.error?.details?.errors ?? []);
  if (status === 409 && body?.error?.name === 'ParticipationLimitError') {
    formError.textContent = limitMessage(body.error.details ?? {});
    return;
  }
  if (status === 404) formError.textContent = 'This campaign has closed.';
  else if (status === 413) formError.textContent = 'Your answers are too long.';
  else if (status === 429) {
    const seconds = Number(retryAfter) || 60;
    formError.textContent = `Too many attempts. Please try again in ${seconds} seconds.`;
  } else if (status === 503) {
    const seconds = Number(retryAfter) || 5;
    formError.textContent = `We cannot check your answers right now. Please try again in ${seconds} seconds.`;
  } else formError.textContent = 'Something went wrong. Please try again later.';
}

/** The widget's own element per provider, and the form field its token lands in. */
const CAPTCHA_WIDGETS = {
  turnstile: { className: 'cf-turnstile', tokenField: 'cf-turnstile-response' },
  hcaptcha: { className: 'h-captcha', tokenField: 'h-captcha-response' },
};

/**
 * The CAPTCHA the campaign asks for: the provider's script, and the element it renders its widget
 * in (it adds the token field to the form). Nothing when the campaign has none.
 * @param {Campaign['captcha']} captcha
 */
function renderCaptcha(captcha) {
  if (!captcha) return null;
  const widget = CAPTCHA_WIDGETS[captcha.provider];
  if (!document.querySelector(`script[src="${captcha.script}"]`)) {
    document.head.append(h('script', { src: captcha.script, async: true, defer: true }));
  }
  return h('div', {
    className: `captcha ${widget.className}`,
    'data-sitekey': captcha.siteKey ?? '',
  });
}

/**
 * `{captchaToken}` from the widget's field, when the campaign has a CAPTCHA.
 * @param {HTMLFormElement} form
 * @param {Campaign['captcha']} captcha
 */
function captchaTokenOf(form, captcha) {
  if (!captcha) return {};
  const field = form.elements.namedItem(CAPTCHA_WIDGETS[captcha.provider].tokenField);
  return { captchaToken: /** @type {HTMLInputElement | null} */ (field)?.value ?? '' };
}

/** The 409 of a participation limit, in the browser's language (en, fr, sv). */
const LIMIT_MESSAGES = {
  en: {
    once: 'You have already taken part in this campaign.',
    period: 'You have already taken part recently. You can take part again on {date}.',
    recipient_daily_limit:
      'This email address or phone number has received enough coupons for today. Try again on {date}.',
  },
  fr: {
    once: 'Vous avez déjà participé à cette campagne.',
    period: 'Vous avez déjà participé récemment. Vous pourrez participer à nouveau le {date}.',
    recipient_daily_limit:
      "Cette adresse e-mail ou ce numéro a reçu assez de coupons aujourd'hui. Réessayez le {date}.",
  },
  sv: {
    once: 'Du har redan deltagit i den här kampanjen.',
    period: 'Du har redan deltagit nyligen. Du kan delta igen {date}.',
    recipient_daily_limit:
      'Den här e-postadressen eller det här numret har fått tillräckligt med kuponger i dag. Försök igen {date}.',
  },
};

/** @param {{ reason?: string, retryAt?: string }} details */
function limitMessage(details) {
  const lang = (window.navigator.language || 'en').slice(0, 2);
  const messages = LIMIT_MESSAGES[lang] ?? LIMIT_MESSAGES.en;
  const text = messages[details.reason ?? 'once'] ?? messages.once;
  const date = details.retryAt
    ? new Date(details.retryAt).toLocaleString(window.navigator.language)
    : '';
  return text.replace('{date}', date);
}

/** @type {{ answers: string, key: string } | null} */
let lastAttempt = null;

/**
 * The same answers sent again (a double click, a retry after a lost connection) keep their key, so
 * the API answers with the first participation; other answers get a new key.
 * @param {string} slug
 * @param {Record<string, unknown>} answers
 */
function idempotencyKeyFor(slug, answers) {
  const sent = JSON.stringify([slug, answers]);
  if (lastAttempt?.answers !== sent) lastAttempt = { answers: sent, key: crypto.randomUUID() };
  return lastAttempt.key;
}

/**
 * @param {HTMLFormElement} form
 * @param {HTMLElement} formError
 */
function clearErrors(form, formError) {
  formError.textContent = '';
  for (const slot of form.querySelectorAll('.error')) slot.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]'))
    input.removeAttribute('aria-invalid');
}

/**
 * A 400 names each problem: `path: ["answers", "<key>"]` belongs to the field `<key>`; anything
 * else (`["body"]`, `["answers"]`) is shown above the button.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} formError
 * @param {FieldError[]} errors
 */
function showFieldErrors(form, formError, errors) {
  /** @type {string[]} */
  const general = [];
  /** @type {HTMLElement | null} */
  let first = null;
  for (const error of errors) {
    const key = error.path[0] === 'answers' && error.path.length > 1 ? String(error.path[1]) : null;
    const slot = key ? form.querySelector(`#error-${key}`) : null;
    const wrapper = key ? form.querySelector(`#field-${key}`) : null;
    if (!slot || !wrapper || /** @type {HTMLElement} */ (wrapper).hidden) {
      general.push(key ? `${key}: ${error.message}` : error.message);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent}; ${error.message}` : error.message;
    for (const input of wrapper.querySelectorAll('input'))
      input.setAttribute('aria-invalid', 'true');
    first ??= /** @type {HTMLElement | null} */ (wrapper.querySelector('input'));
  }
  formError.textContent =
    general.length > 0 ? general.join('. ') : 'Please correct the fields marked above.';
  first?.focus();
}

// ---------------------------------------------------------------------------------------------
// 4. The exit screen and the coupon, polled while pending
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} title the campaign's title
 * @param {Participation} participation
 * @param {string} token
 */
function showResult(title, participation, token) {
  const result = h('section', { id: 'result' });
  show(h('h1', {}, title), result, backLink());
  renderResult(result, participation);
  if (participation.coupon?.status === 'pending') void poll(result, participation.id, token);
}

/**
 * @param {HTMLElement} result
 * @param {Participation} participation
 */
function renderResult(result, participation) {
  const screen = participation.exitScreen;
  result.replaceChildren();
  if (screen) {
    // `title` and `html` are HTML made by the API: the editor's title and rich text with the
    // participant's values HTML-escaped, links only to http(s)/mailto/tel, passed through
    // sanitize-html. Meant to be inserted as such (`blocks` is the same text, for a renderer).
    const heading = h('h2', { className: 'exit-title' });
    heading.innerHTML = screen.title;
    const text = h('div', { className: 'exit-html' });
    text.innerHTML = screen.html;
    result.append(heading, text);
  } else {
    result.append(h('h2', { className: 'exit-title' }, 'Thank you for taking part!'));
  }
  const coupon = participation.coupon;
  if (coupon) result.append(renderCoupon(coupon));
}

const CHANNELS = { email: 'by email', sms: 'by SMS', none: '' };

/**
 * - Button: the redeem link and the code (and, when the participant chose email or SMS, a note
 *   that ClearOn also sent it);
 * - Automatic: ClearOn sends it; the page says where, and never shows the coupon.
 * @param {Coupon} coupon
 */
function renderCoupon(coupon) {
  const box = h('div', { className: 'coupon', 'data-status': coupon.status });
  const by = CHANNELS[coupon.channel];
  if (coupon.status === 'unavailable') {
    box.append(h('p', { className: 'unavailable' }, coupon.message ?? ''));
  } else if (coupon.status === 'pending') {
    box.append(h('p', {}, 'Your coupon is being prepared…'));
  } else if (coupon.status === 'failed') {
    box.append(h('p', {}, 'Sorry, your coupon could not be created. Our team has been notified.'));
  } else if (coupon.delivery === 'button') {
    box.append(
      h('p', {}, 'Your coupon code:'),
      h('p', { className: 'coupon-code' }, coupon.code ?? ''),
      coupon.redeemUrl
        ? h(
            'p',
            {},
            h(
              'a',
              { className: 'redeem', href: coupon.redeemUrl, target: '_blank', rel: 'noopener' },
              'Show my coupon'
            )
          )
        : null,
      coupon.expiresAt
        ? h(
            'p',
            { className: 'expires' },
            `Valid until ${new Date(coupon.expiresAt).toLocaleDateString()}.`
          )
        : null,
      by ? h('p', { className: 'sent' }, `We have also sent it to you ${by}.`) : null
    );
  } else {
    box.append(
      h(
        'p',
        { className: 'sent' },
        by ? `Your coupon has been sent to you ${by}.` : 'Your coupon has been issued.'
      )
    );
  }
  return box;
}

/**
 * Polls the participation while its coupon is pending, with exponential backoff; stops when the
 * coupon is issued or failed, when the token is refused, or after POLL.giveUpAfterMs.
 * @param {HTMLElement} result
 * @param {string} id
 * @param {string} token
 */
async function poll(result, id, token) {
  const started = Date.now();
  let delay = POLL.firstDelayMs;
  while (Date.now() - started < POLL.giveUpAfterMs) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, POLL.maxDelayMs);
    let response;
    try {
      response = await readParticipation(id, token);
    } catch {
      continue; // offline for a moment: try again later
    }
    if (response.status === 404) return;
    if (response.status !== 200) continue;
    /** @type {Participation} */
    const participation = response.body.data;
    renderResult(result, participation);
    if (participation.coupon?.status !== 'pending') return;
  }
  result.append(
    h('p', {}, 'Your coupon is taking longer than usual. Reload this page in a few minutes.')
  );
}

/**
 * GET a participation. The token travels in a header, not the URL, so that it stays out of server
 * and proxy request logs.
 * @param {string} id
 * @param {string} token
 */
function readParticipation(id, token) {
  return api(`/participations/${encodeURIComponent(id)}`, {
    headers: { 'X-Participation-Token': token },
  });
}

/**
 * A participation's result again, from the id in the query and the token in the fragment.
 * @param {string} slug
 * @param {string} id
 * @param {string} token
 */
async function showSavedResult(slug, id, token) {
  const { status, body } = await readParticipation(id, token);
  if (status !== 200) return showCampaign(slug);
  const campaign = await loadCampaign(slug);
  showResult(campaign.status === 200 ? campaign.body.data.title : '', body.data, token);
}

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

const params = new URLSearchParams(window.location.search);
const slug = params.get('campaign');
const participationId = params.get('participation');
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

if (slug && participationId && token) void showSavedResult(slug, participationId, token);
else if (slug) void showCampaign(slug);
else void showCampaignList();
