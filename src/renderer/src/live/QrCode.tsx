/** A QR code drawn from the host's module matrix (rows of 0/1), as one SVG path: crisp at any size. */
export function QrCode({ rows, label }: { readonly rows: readonly string[]; readonly label: string }) {
  const size = rows.length
  const quiet = 4
  let d = ''
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '1') d += `M${x + quiet} ${y + quiet}h1v1h-1z`
  })
  const full = size + quiet * 2
  return (
    <svg className="live-qr" role="img" aria-label={label} viewBox={`0 0 ${full} ${full}`} shapeRendering="crispEdges">
      <rect width={full} height={full} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
