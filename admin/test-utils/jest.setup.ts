/**
 * jsdom set-up for the admin tests (the `admin` Jest project): Testing Library's matchers and the
 * few browser APIs that the design system's Radix primitives call and jsdom does not implement.
 */
import '@testing-library/jest-dom';

const proto = window.HTMLElement.prototype as unknown as Record<string, unknown>;
if (!proto.scrollIntoView) proto.scrollIntoView = () => undefined;
if (!proto.hasPointerCapture) proto.hasPointerCapture = () => false;
if (!proto.releasePointerCapture) proto.releasePointerCapture = () => undefined;
if (!proto.setPointerCapture) proto.setPointerCapture = () => undefined;

const globals = window as unknown as Record<string, unknown>;
if (!globals.ResizeObserver) {
  globals.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (!globals.IntersectionObserver) {
  globals.IntersectionObserver = class {
    readonly root = null;
    readonly rootMargin = '';
    readonly thresholds = [];
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
}
if (!window.matchMedia) {
  globals.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}
