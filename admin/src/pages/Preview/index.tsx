import { PreviewPage } from './PreviewPage';

export { PreviewPage };
export default PreviewPage;
