/** A loading indicator with a label for screen readers. */
export function Spinner({ label }: { label: string }) {
  return (
    <span role="status" className="ui-spinner-wrap">
      <span className="ui-spinner" aria-hidden="true" />
      <span className="ui-visually-hidden">{label}</span>
    </span>
  );
}
