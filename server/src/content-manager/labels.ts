/**
 * How the plugin's content types and components read in the Content Manager: every label,
 * description, edit layout and list column in one place. `content-manager/defaults.ts` applies
 * them at boot wherever the stored configuration is still Strapi's generated one (or the plugin's
 * own earlier defaults): an editor's own customisation is never overwritten.
 *
 * Bump LAYOUT_DEFAULTS_VERSION whenever anything below changes, so that installs that still show
 * the plugin's previous defaults get the new ones.
 */
export const LAYOUT_DEFAULTS_VERSION = 1;

export interface FieldText {
  label: string;
  description?: string;
  placeholder?: string;
  /** false: shown read-only in the edit view (the plugin writes it, never an editor). */
  editable?: boolean;
}

export interface ModelDefaults {
  kind: 'contentType' | 'component';
  /** The attribute that names an entry (component: the title of a repeatable item). */
  mainField?: string;
  fields: Record<string, FieldText>;
  /**
   * Edit view rows, each "attribute:width …" (widths out of 12). Attributes left out of every row
   * are not shown in the edit view.
   */
  edit: string[];
  /** List view columns (content types). */
  list?: string[];
}

/** A field's texts and its width in the edit view, out of 12 (0: not in the edit view). */
interface Field {
  width: number;
  text: FieldText;
}

const field = (
  width: number,
  label: string,
  description?: string,
  more: Pick<FieldText, 'placeholder' | 'editable'> = {}
): Field => ({ width, text: { label, description, ...more } });

const readOnly = (width: number, label: string, description?: string) =>
  field(width, label, description, { editable: false });

/** Edit view rows: the fields in their order, a new row wherever the next would pass 12 columns. */
const editRows = (fields: Record<string, Field>) => {
  const rows: Array<{ cells: string[]; used: number }> = [];
  for (const [name, { width }] of Object.entries(fields)) {
    if (width === 0) continue;
    const last = rows[rows.length - 1];
    if (last && last.used + width <= 12) {
      last.cells.push(`${name}:${width}`);
      last.used += width;
    } else rows.push({ cells: [`${name}:${width}`], used: width });
  }
  return rows.map(({ cells }) => cells.join(' '));
};

/** A model's defaults: `fields` in edit view order, then the list view columns. */
const model = (
  kind: ModelDefaults['kind'],
  mainField: string,
  fields: Record<string, Field>,
  list: string[]
): ModelDefaults => ({
  kind,
  mainField,
  fields: Object.fromEntries(Object.entries(fields).map(([name, { text }]) => [name, text])),
  edit: editRows(fields),
  list,
});

const campaign = model(
  'contentType',
  'title',
  {
    title: field(6, 'Title', 'The campaign name participants see.'),
    slug: field(6, 'Slug', "The campaign's name in the participant page's URL."),
    mode: field(6, 'Mode', 'Identified: participants give an email or a phone. Coupons need it.'),
    format: field(6, 'Format', 'Form, Quiz (a score) or Personality test (a profile).'),
    startsAt: field(6, 'Starts at', 'Optional: closed before this date.'),
    endsAt: field(6, 'Ends at', 'Optional: closed after this date.'),
    participationLimit: field(
      4,
      'Participation limit',
      'How often one person (email or phone) may take part.'
    ),
    limitPeriodHours: field(
      4,
      'Limit period (hours)',
      'For "oncePerPeriod": once per this many hours.'
    ),
    allowUnlimitedWithCoupon: field(
      4,
      'Allow unlimited with a coupon',
      'Needed for "unlimited" when an exit screen has a coupon.'
    ),
    maxCoupons: field(
      4,
      'Maximum coupons',
      'Optional cap; past it participants see the "no coupons" text.'
    ),
    lowStockThreshold: field(
      4,
      'Low stock warning',
      'The coupons dashboard warns when fewer coupons than this are left.'
    ),
    captcha: field(4, 'Bot check', 'Keys in Settings → ClearOn → Bot checks.'),
    fields: field(12, 'Form fields', 'The questions to the participant, in order.'),
    questions: field(12, 'Quiz questions', 'For a quiz (points) or a personality test (profiles).'),
    exitScreens: field(
      12,
      'Exit screens',
      'Read top to bottom: the first screen whose score range or profile matches is shown, otherwise the first Default screen.'
    ),
  },
  ['title', 'slug', 'format', 'startsAt', 'endsAt', 'maxCoupons']
);

const participation = model(
  'contentType',
  'reference',
  {
    campaign: field(6, 'Campaign'),
    reference: readOnly(6, 'Reference', "The participation's reference at ClearOn."),
    firstName: readOnly(4, 'First name'),
    email: readOnly(4, 'Email'),
    phone: readOnly(4, 'Phone'),
    deliveryType: readOnly(4, 'Delivery', 'How ClearOn sends the coupon: email or SMS.'),
    score: readOnly(4, 'Score'),
    profile: readOnly(4, 'Profile'),
    exitScreenIndex: readOnly(4, 'Exit screen shown', 'Its position in the campaign, from 0.'),
    couponUnavailable: readOnly(4, 'Coupon unavailable', 'Why no coupon was given, if so.'),
    erasedAt: readOnly(4, 'Erased at', "When the participant's data was erased."),
    answers: readOnly(12, 'Answers', 'What the participant answered (emails and phones masked).'),
    tokenHash: readOnly(0, 'Token hash'),
    submissionKey: readOnly(0, 'Submission key'),
    campaignLocale: readOnly(0, 'Campaign locale', 'The language the participant took part in.'),
  },
  ['reference', 'campaign', 'deliveryType', 'score', 'profile', 'createdAt']
);

const formField = model(
  'component',
  'label',
  {
    label: field(6, 'Label', 'The question participants see.'),
    key: field(6, 'Key', 'Letters, digits and _; fills {key} in exit screens.', {
      placeholder: 'firstname',
    }),
    type: field(6, 'Type'),
    required: field(4, 'Required'),
    options: field(12, 'Options', 'For a Choice field: what participants pick from.'),
    hiddenValue: field(6, 'Hidden value', 'For a Hidden field: the value sent.'),
    mappingVariable: field(
      6,
      'Mapping variable',
      'deliveryType tells ClearOn to send by email or SMS.'
    ),
    showWhenField: field(6, 'Show when field', 'Optional: show this field only when that field…'),
    showWhenValue: field(6, 'Show when value', '…has this value.'),
  },
  ['label', 'key', 'type']
);

const fieldOption = model(
  'component',
  'label',
  {
    label: field(6, 'Label', 'What participants see.'),
    value: field(6, 'Value', 'What is stored (e.g. email or sms).'),
  },
  ['label', 'value']
);

const quizQuestion = model(
  'component',
  'label',
  {
    label: field(6, 'Question'),
    key: field(6, 'Key', 'Letters, digits and _; unique in the campaign.'),
    answers: field(12, 'Answers'),
  },
  ['label', 'key']
);

const quizAnswer = model(
  'component',
  'label',
  {
    label: field(6, 'Answer', 'What participants see.'),
    value: field(6, 'Value', 'What is stored.'),
    points: field(4, 'Points', 'Quiz: added to the score.'),
    profile: field(6, 'Profile', 'Personality test: the profile it counts towards.'),
  },
  ['label', 'value', 'points', 'profile']
);

const exitScreen = model(
  'component',
  'title',
  {
    title: field(6, 'Title', 'May use variables such as {firstname}.'),
    match: field(
      6,
      'Shown for',
      'Default: everyone else. Score: a quiz score range. Profile: a profile.'
    ),
    minScore: field(4, 'Min score'),
    maxScore: field(4, 'Max score'),
    profile: field(4, 'Profile'),
    body: field(12, 'Body', 'Variables: {firstname}, {coupon.code}, any field key…'),
    coupon: field(12, 'ClearOn coupon'),
    noCouponsText: field(
      12,
      '"No more coupons" text',
      'Shown instead of the coupon once the campaign has given out its maximum.'
    ),
  },
  ['title', 'match']
);

export const CONTENT_MANAGER_DEFAULTS: Record<string, ModelDefaults> = {
  'plugin::clearon.campaign': campaign,
  'plugin::clearon.participation': participation,
  'clearon.form-field': formField,
  'clearon.field-option': fieldOption,
  'clearon.quiz-question': quizQuestion,
  'clearon.quiz-answer': quizAnswer,
  'clearon.exit-screen': exitScreen,
};
