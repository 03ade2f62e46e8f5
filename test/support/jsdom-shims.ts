/**
 * Browser APIs jsdom lacks but Fluent UI v9 uses (MessageBar measures itself with
 * ResizeObserver). Import it first in component tests that run under `@jest-environment jsdom`.
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub, writable: true, configurable: true });
}

export {};
