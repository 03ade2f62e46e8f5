import { useEffect, useState } from 'react';

/**
 * After a refused submit, the first field marked invalid in form `formId` (FormSection
 * data-form) is scrolled into view and focused: on a long form the user presses the button at
 * the bottom, and the message next to a field at the top would otherwise go unseen.
 * Returns the function to call on a refused submit.
 */
export function useFocusFirstError(formId: string): () => void {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    // after the render that marked the fields (aria-invalid is set by Field's validation state)
    const first = document.querySelector<HTMLElement>(`[data-form="${formId}"] [aria-invalid="true"]`);
    first?.scrollIntoView?.({ block: 'center' });
    first?.focus();
  }, [attempt, formId]);
  return () => setAttempt((n) => n + 1);
}
