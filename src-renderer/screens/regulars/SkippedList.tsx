/** Members an action left out, each with why: not sent a message, not greeted. */
export interface Skipped {
  memberId: string;
  name: string;
  reason: string;
}

export function SkippedList({ title, rows }: { title: string; rows: readonly Skipped[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="blocked-list" aria-label={title}>
      <h3 className="section-title">{title}</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.memberId} className="blocked-row">
            <span className="strong">{r.name}</span>
            <span className="muted">{r.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
