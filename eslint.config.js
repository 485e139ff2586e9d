import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['course', 'meetings', 'drafts', 'home', 'settings'];
const RENDERER_PATHS = [
  { name: 'electron', message: 'The renderer reaches Electron only through platform/bridge.' },
  { name: 'dexie', message: 'Use the database through renderer/db/.' },
  { name: 'dexie-react-hooks', message: 'Use the hooks in renderer/db/hooks.' },
];
const FEATURE_PATTERNS = [
  { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
  {
    group: FEATURES.flatMap((feature) => [`../**/${feature}/**`, `!../**/${feature}/index`]),
    message: 'Use another feature only through its index.ts, not its internals.',
  },
];
/** The functions of renderer/db/ that write user data. */
const DB_WRITERS = {
  settings: ['writeSetting'],
  drafts: [
    'appendDraftUpdate',
    'createDraft',
    'moveDraftToTrash',
    'restoreDraftFromTrash',
    'duplicateDraft',
    'compactDraft',
    'takeSnapshot',
    'mergeIntoDraft',
    'changeDraft',
    'replaceDraftState',
  ],
  course: [
    'startAttempt',
    'saveAnswer',
    'setQuestionFlag',
    'finishAttempt',
    'saveLessonPosition',
    'markLessonRead',
    'issueCertificate',
    'confirmCertificate',
  ],
  certificateKeys: ['storeCertificateKeys'],
  meetings: [
    'storeImportedCalendar',
    'saveOwnMeeting',
    'saveLetterEntry',
    'deleteOwnMeeting',
    'setFollowing',
    'recordRemindersShown',
    'forgetReminder',
  ],
  syncAccount: ['linkAccount'],
  syncStore: ['openSyncStore', 'dismissRejectedChange'],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'release/', 'test-results/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // Tests and their helpers (*.testing.ts) run in Node.
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/**/*.testing.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every user-visible string goes through i18next.
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_PATHS,
          patterns: [{ group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/db/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // A feature uses another only through that feature's index.ts, never its internals.
    files: ['renderer/features/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: RENDERER_PATHS, patterns: FEATURE_PATTERNS }] },
  },
  {
    // Components write user data only through their feature's actions module.
    files: ['renderer/features/**/*.tsx'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_PATHS,
          patterns: [
            ...FEATURE_PATTERNS,
            ...Object.entries(DB_WRITERS).map(([module, importNames]) => ({
              group: [`**/db/${module}`],
              importNames,
              message: "Components write through their feature's actions module.",
            })),
          ],
        },
      ],
    },
  },
);
