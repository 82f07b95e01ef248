// Fills `{name}` placeholders in a message; a missing value leaves the placeholder visible, so a
// forgotten value shows up in review instead of vanishing.
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
