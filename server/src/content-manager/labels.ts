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

const readOnly = (label: string, description?: string): FieldText => ({
  label,
  description,
  editable: false,
});

const campaign: ModelDefaults = {
  kind: 'contentType',
  mainField: 'title',
  fields: {
    title: { label: 'Title', description: 'The campaign name participants see.' },
    slug: { label: 'Slug', description: "The campaign's name in the participant page's URL." },
    mode: {
      label: 'Mode',
      description: 'Identified: participants give an email or a phone. Coupons need it.',
    },
    format: {
      label: 'Format',
      description: 'Form, Quiz (a score) or Personality test (a profile).',
    },
    startsAt: { label: 'Starts at', description: 'Optional: closed before this date.' },
    endsAt: { label: 'Ends at', description: 'Optional: closed after this date.' },
    participationLimit: {
      label: 'Participation limit',
      description: 'How often one person (email or phone) may take part.',
    },
    limitPeriodHours: {
      label: 'Limit period (hours)',
      description: 'For "oncePerPeriod": once per this many hours.',
    },
    allowUnlimitedWithCoupon: {
      label: 'Allow unlimited with a coupon',
      description: 'Needed for "unlimited" when an exit screen has a coupon.',
    },
    maxCoupons: {
      label: 'Maximum coupons',
      description: 'Optional cap; past it participants see the "no coupons" text.',
    },
    captcha: { label: 'Bot check', description: 'Keys in Settings → ClearOn → Bot checks.' },
    lowStockThreshold: {
      label: 'Low stock warning',
      description: 'The coupons dashboard warns when fewer coupons than this are left.',
    },
    fields: { label: 'Form fields', description: 'The questions to the participant, in order.' },
    questions: {
      label: 'Quiz questions',
      description: 'For a quiz (points) or a personality test (profiles).',
    },
    exitScreens: {
      label: 'Exit screens',
      description:
        'Read top to bottom: the first screen whose score range or profile matches is shown, otherwise the first Default screen.',
    },
  },
  edit: [
    'title:6 slug:6',
    'mode:6 format:6',
    'startsAt:6 endsAt:6',
    'participationLimit:4 limitPeriodHours:4 allowUnlimitedWithCoupon:4',
    'maxCoupons:4 lowStockThreshold:4 captcha:4',
    'fields:12',
    'questions:12',
    'exitScreens:12',
  ],
  list: ['title', 'slug', 'format', 'startsAt', 'endsAt', 'maxCoupons'],
};

const participation: ModelDefaults = {
  kind: 'contentType',
  mainField: 'reference',
  fields: {
    campaign: { label: 'Campaign' },
    reference: readOnly('Reference', "The participation's reference at ClearOn."),
    answers: readOnly('Answers', 'What the participant answered (emails and phones masked).'),
    email: readOnly('Email'),
    phone: readOnly('Phone'),
    firstName: readOnly('First name'),
    deliveryType: readOnly('Delivery', 'How ClearOn sends the coupon: email or SMS.'),
    score: readOnly('Score'),
    profile: readOnly('Profile'),
    exitScreenIndex: readOnly('Exit screen shown', 'Its position in the campaign, from 0.'),
    tokenHash: readOnly('Token hash'),
    submissionKey: readOnly('Submission key'),
    couponUnavailable: readOnly('Coupon unavailable', 'Why no coupon was given, if so.'),
    erasedAt: readOnly('Erased at', "When the participant's data was erased."),
    campaignLocale: readOnly('Campaign locale', 'The language the participant took part in.'),
  },
  edit: [
    'campaign:6 reference:6',
    'firstName:4 email:4 phone:4',
    'deliveryType:4 score:4 profile:4',
    'exitScreenIndex:4 couponUnavailable:4 erasedAt:4',
    'answers:12',
  ],
  list: ['reference', 'campaign', 'deliveryType', 'score', 'profile', 'createdAt'],
};

const formField: ModelDefaults = {
  kind: 'component',
  mainField: 'label',
  fields: {
    key: {
      label: 'Key',
      description: 'Letters, digits and _; fills {key} in exit screens.',
      placeholder: 'firstname',
    },
    label: { label: 'Label', description: 'The question participants see.' },
    type: { label: 'Type' },
    required: { label: 'Required' },
    options: { label: 'Options', description: 'For a Choice field: what participants pick from.' },
    hiddenValue: { label: 'Hidden value', description: 'For a Hidden field: the value sent.' },
    mappingVariable: {
      label: 'Mapping variable',
      description: 'deliveryType tells ClearOn to send by email or SMS.',
    },
    showWhenField: {
      label: 'Show when field',
      description: 'Optional: show this field only when that field…',
    },
    showWhenValue: { label: 'Show when value', description: '…has this value.' },
  },
  edit: [
    'label:6 key:6',
    'type:6 required:4',
    'options:12',
    'hiddenValue:6 mappingVariable:6',
    'showWhenField:6 showWhenValue:6',
  ],
  list: ['label', 'key', 'type'],
};

const fieldOption: ModelDefaults = {
  kind: 'component',
  mainField: 'label',
  fields: {
    label: { label: 'Label', description: 'What participants see.' },
    value: { label: 'Value', description: 'What is stored (e.g. email or sms).' },
  },
  edit: ['label:6 value:6'],
  list: ['label', 'value'],
};

const quizQuestion: ModelDefaults = {
  kind: 'component',
  mainField: 'label',
  fields: {
    key: { label: 'Key', description: 'Letters, digits and _; unique in the campaign.' },
    label: { label: 'Question' },
    answers: { label: 'Answers' },
  },
  edit: ['label:6 key:6', 'answers:12'],
  list: ['label', 'key'],
};

const quizAnswer: ModelDefaults = {
  kind: 'component',
  mainField: 'label',
  fields: {
    label: { label: 'Answer', description: 'What participants see.' },
    value: { label: 'Value', description: 'What is stored.' },
    points: { label: 'Points', description: 'Quiz: added to the score.' },
    profile: { label: 'Profile', description: 'Personality test: the profile it counts towards.' },
  },
  edit: ['label:6 value:6', 'points:4 profile:6'],
  list: ['label', 'value', 'points', 'profile'],
};

const exitScreen: ModelDefaults = {
  kind: 'component',
  mainField: 'title',
  fields: {
    title: { label: 'Title', description: 'May use variables such as {firstname}.' },
    match: {
      label: 'Shown for',
      description: 'Default: everyone else. Score: a quiz score range. Profile: a profile.',
    },
    minScore: { label: 'Min score' },
    maxScore: { label: 'Max score' },
    profile: { label: 'Profile' },
    body: { label: 'Body', description: 'Variables: {firstname}, {coupon.code}, any field key…' },
    coupon: { label: 'ClearOn coupon' },
    noCouponsText: {
      label: '"No more coupons" text',
      description: 'Shown instead of the coupon once the campaign has given out its maximum.',
    },
  },
  edit: [
    'title:6 match:6',
    'minScore:4 maxScore:4 profile:4',
    'body:12',
    'coupon:12',
    'noCouponsText:12',
  ],
  list: ['title', 'match'],
};

export const CONTENT_MANAGER_DEFAULTS: Record<string, ModelDefaults> = {
  'plugin::clearon.campaign': campaign,
  'plugin::clearon.participation': participation,
  'clearon.form-field': formField,
  'clearon.field-option': fieldOption,
  'clearon.quiz-question': quizQuestion,
  'clearon.quiz-answer': quizAnswer,
  'clearon.exit-screen': exitScreen,
};
