interface Props {
  value: unknown;
  empty?: string;
  testId?: string;
}

/** Pretty-printed JSON for audit snapshots and job payloads. */
export function JsonView({ value, empty = '—', testId }: Props) {
  const text = value === null || value === undefined ? empty : JSON.stringify(value, null, 2);
  return (
    <pre className="json-view" data-testid={testId}>
      {text}
    </pre>
  );
}
