/**
 * The options of a path picker (the board's Show, a KPI's path, Compare paths' two sides): one
 * option per path in the map's order, and first, when `all` names it, the choice of no path ("").
 */
import type { Path } from '../../../shared/model'

export function PathOptions({ paths, all }: { readonly paths: readonly Path[]; readonly all?: string }) {
  return (
    <>
      {all !== undefined && <option value="">{all}</option>}
      {paths.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  )
}
