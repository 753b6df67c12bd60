/** The settings pages' tests share the settings components' test set-up; not a test file itself. */
export {
  confirmDelete,
  getsOf,
  integrationOf,
  rowOf,
  stubLists,
  triggerOf,
} from '../../../components/settings/__tests__/settingsTestUtils';
