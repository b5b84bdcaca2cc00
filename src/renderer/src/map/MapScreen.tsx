import { t } from '../i18n'
import { useAppStore } from '../store'

/** The map's structure; the interactive board (issue 4) replaces the grid below. */
export function MapScreen() {
  const map = useAppStore((s) => s.openMap)
  const goHome = useAppStore((s) => s.goHome)
  if (!map) return <p className="loading">{t('map.loading')}</p>
  return (
    <main className="map-screen">
      <header className="map-header">
        <button onClick={goHome}>← {t('map.back')}</button>
        <h1>{map.title}</h1>
        <span className="hint">{t('map.notes', { count: map.notes.length })}</span>
      </header>
      <p className="hint">{t('map.boardComing')}</p>
      <div className="structure" style={{ gridTemplateColumns: `160px repeat(${map.stages.length}, minmax(120px, 1fr))` }}>
        <div className="corner" />
        {map.stages.map((s) => (
          <div key={s.id} className="stage-header" role="columnheader">
            {s.title}
          </div>
        ))}
        {map.lanes.map((lane) => [
          <div key={lane.id} className="lane-header" role="rowheader">
            {lane.title}
          </div>,
          ...map.stages.map((s) => (
            <div key={`${lane.id}:${s.id}`} className="cell">
              {map.notes
                .filter((n) => n.laneId === lane.id && n.stageId === s.id)
                .map((n) => (
                  <div key={n.id} className="note" style={{ background: n.color }}>
                    {n.text}
                  </div>
                ))}
            </div>
          ))
        ])}
      </div>
    </main>
  )
}
