// Errors at their field (issue 18): a problem names the id of the field it belongs to, is shown next
// to that field and tied to it with aria-describedby, and a failed submit moves focus to the first
// one — never a list by the save button, thousands of pixels from the field.

/** One problem of a form: the id of its field (an input, or a fieldset/group) and what to say. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The id of a field's error message, for its aria-describedby. */
export const errorIdOf = (field: string) => `${field}-error`;

/** aria-describedby and aria-invalid for a field, given the form's problems and its own hint ids. */
export function describedBy(problems: readonly FieldProblem[], field: string, ...hints: string[]) {
  const invalid = problems.some((p) => p.field === field);
  const ids = [...hints, ...(invalid ? [errorIdOf(field)] : [])].join(' ');
  return { 'aria-describedby': ids === '' ? undefined : ids, 'aria-invalid': invalid || undefined } as const;
}

/** The message of a field's problem, where the field is; nothing when it has none. */
export function FieldError({ problems, field }: { problems: readonly FieldProblem[]; field: string }) {
  const problem = problems.find((p) => p.field === field);
  if (problem === undefined) return null;
  return (
    <p className="form-message field-error" id={errorIdOf(field)}>
      {problem.message}
    </p>
  );
}

/** Moves focus to the first problem's field: the element itself, or its first control for a group. */
export function focusFirstProblem(problems: readonly FieldProblem[], root: Document = document): void {
  const first = problems[0];
  if (first === undefined) return;
  const element = root.getElementById(first.field);
  if (element === null) return;
  const control =
    element.matches('input, select, textarea, button') || element.tabIndex >= 0
      ? element
      : element.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button');
  (control ?? element).focus();
}
