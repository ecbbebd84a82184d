/** A column header with the period it refers to underneath, as report headers carry it. */
export function HeaderText({ main, sub }: { main: string; sub?: string | null }) {
  return (
    <>
      {main}
      {sub ? <small>{sub}</small> : null}
    </>
  );
}
